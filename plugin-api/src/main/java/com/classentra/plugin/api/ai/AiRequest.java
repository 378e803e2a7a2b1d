package com.classentra.plugin.api.ai;

import java.util.List;

/**
 * @param task            what to produce (summary, quiz draft, explanation)
 * @param instruction     the user's words
 * @param groundingText   course passages the answer must rely on
 * @param tone            assistant tone chosen from onboarding answers, e.g. "encouraging"
 * @param maxOutputTokens upper bound on the answer's length
 */
public record AiRequest(Task task, String instruction, List<String> groundingText, String tone, int maxOutputTokens) {

    public AiRequest {
        groundingText = List.copyOf(groundingText);
    }

    public enum Task { SUMMARY, QUIZ_DRAFT, EXPLANATION, FREE_FORM }
}

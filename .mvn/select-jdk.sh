# Sourced by ./mvnw before it looks for java. Classentra compiles with --release 25, so Maven has to run
# on JDK 25 or newer. When JAVA_HOME (or the java on PATH) is older, pick the newest suitable JDK from the
# usual install locations and say which in one line; stop with a clear message when there is none.
classentra_required_java=25

classentra_java_major() {
  # Prints the feature version of the java binary given as $1 ("17", "25", ...), or nothing.
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

classentra_current_java() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    printf %s\\n "$JAVA_HOME/bin/java"
  else
    command -v java 2>/dev/null || :
  fi
}

classentra_select_jdk() {
  current=$(classentra_current_java)
  current_major=""
  if [ -n "$current" ]; then
    current_major=$(classentra_java_major "$current")
    [ -n "$current_major" ] && [ "$current_major" -ge "$classentra_required_java" ] && return 0
  fi
  best_home="" best_major=0
  set +f # mvnw runs with globbing off; the search below needs it
  for home in /usr/lib/jvm/* "$HOME"/.sdkman/candidates/java/* /opt/java/* /opt/*jdk* \
    /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major=$(classentra_java_major "$home/bin/java")
    [ -n "$major" ] || continue
    if [ "$major" -ge "$classentra_required_java" ] && [ "$major" -gt "$best_major" ]; then
      best_home=$home best_major=$major
    fi
  done
  set -f
  if [ -z "$best_home" ]; then
    echo "Classentra needs JDK $classentra_required_java or newer; found ${current:-no java} (version ${current_major:-unknown})." >&2
    echo "Install one (e.g. 'sdk env install' with the project's .sdkmanrc, or Temurin $classentra_required_java) or set JAVA_HOME to it." >&2
    exit 1
  fi
  echo "mvnw: using JDK $best_major at $best_home (the default java is older than $classentra_required_java)" >&2
  JAVA_HOME=$best_home
  export JAVA_HOME
}

classentra_select_jdk

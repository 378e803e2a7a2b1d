() => {
  // Gathers what the contrast check judges on the page as it is now; ContrastAudit (Java) does the arithmetic.
  // Walks the document and every open shadow root (Vaadin renders its components' text and parts there) and reports
  // - text: each visible text node (grouped per element), input value and lettered ::before/::after content;
  // - control: the boundary of each Vaadin field, checkbox and radio button (its fill and its outlines);
  // - graphic: each icon inside a button or link.
  // Colours are computed-style strings. Backgrounds are "layers": one per element from the checked one up the
  // flattened tree (slots and shadow hosts included) to <html>, each with its background colour and opacity, shared
  // between entries by index. Disabled controls (WCAG exempts them), invisible and visually hidden text are skipped.
  // A screenshot already fast-forwarded transitions; finish any that started since, so no colour is caught mid-way.
  for (const animation of document.getAnimations()) {
    if (animation.effect && animation.effect.getComputedTiming().endTime !== Infinity) {
      animation.finish();
    }
  }

  const layers = [];
  const layerIndex = new Map();
  const entries = [];
  const exemptions = new Map();

  const flatParent = node => node.assignedSlot
      ?? node.parentElement
      ?? (node.parentNode instanceof ShadowRoot ? node.parentNode.host : null);

  function layer(element) {
    if (layerIndex.has(element)) {
      return layerIndex.get(element);
    }
    const parent = flatParent(element);
    const parentIndex = parent ? layer(parent) : -1;
    const style = getComputedStyle(element);
    // display: contents (slots among others) paints no box, so neither background nor opacity applies.
    const painted = style.display !== 'contents';
    layerIndex.set(element, layers.length);
    layers.push({
      parent: parentIndex,
      background: painted ? style.backgroundColor : 'rgba(0, 0, 0, 0)',
      opacity: painted ? Number(style.opacity) : 1,
      image: painted && style.backgroundImage.includes('url('),
    });
    return layerIndex.get(element);
  }

  // Why an element's content is not judged: disabled (here or above), or hidden from sight but not from readers.
  function exemption(element) {
    if (!element) {
      return null;
    }
    if (exemptions.has(element)) {
      return exemptions.get(element);
    }
    let reason = null;
    if (element.hasAttribute('disabled') || element.getAttribute('aria-disabled') === 'true') {
      reason = 'disabled';
    } else {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      const clipped = style.overflow !== 'visible' || style.clip !== 'auto' || style.clipPath !== 'none';
      if (style.display !== 'contents' && clipped && (box.width <= 1 || box.height <= 1)) {
        reason = 'visually hidden';
      }
    }
    reason = reason ?? exemption(flatParent(element));
    exemptions.set(element, reason);
    return reason;
  }

  // checkVisibility needs a box: a slot (display: contents) is asked through the nearest ancestor that has one.
  function boxed(element) {
    let current = element;
    while (current && getComputedStyle(current).display === 'contents') {
      current = flatParent(current);
    }
    return current;
  }

  function visible(element) {
    const box = boxed(element);
    return !!box && box.checkVisibility({opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true});
  }

  // The element's own name, after its shadow hosts' and, for a bare element, after its parent's.
  function describe(element) {
    const root = element.getRootNode();
    const parent = element.parentElement;
    const bare = !element.id && element.classList.length === 0 && !element.hasAttribute('part');
    const prefix = root instanceof ShadowRoot ? describe(root.host) + ' › '
        : bare && parent && parent !== document.body ? label(parent) + ' > ' : '';
    return prefix + label(element);
  }

  function label(element) {
    let text = element.localName;
    if (element.id) {
      text += '#' + element.id;
    }
    for (const name of [...element.classList].slice(0, 3)) {
      text += '.' + name;
    }
    for (const attribute of ['part', 'theme', 'slot']) {
      if (element.getAttribute(attribute)) {
        text += `[${attribute}="${element.getAttribute(attribute)}"]`;
      }
    }
    return text;
  }

  const shorten = text => {
    const single = text.replace(/\s+/g, ' ').trim();
    return single.length > 60 ? single.slice(0, 57) + '…' : single;
  };

  function textEntry(element, styled, text, style, ownBackground, ownOpacity) {
    entries.push({
      kind: 'text',
      element: describe(element),
      text: shorten(text),
      color: style.color,
      fontSize: parseFloat(style.fontSize),
      fontWeight: Number(style.fontWeight),
      layer: layer(styled),
      ownBackground,
      ownOpacity,
      edges: [],
    });
  }

  const roots = [];
  (function collect(root) {
    roots.push(root);
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) {
        collect(element.shadowRoot);
      }
    }
  })(document);

  const skippedParents = new Set(['script', 'style', 'template', 'noscript', 'title']);
  const range = document.createRange();
  for (const root of roots) {
    // A text node takes its style from its flat-tree parent (the slot it is shown in, if any), not its host.
    const byStyledElement = new Map();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!node.data.trim() || !parent || skippedParents.has(parent.localName)) {
        continue;
      }
      const styled = node.assignedSlot ?? parent;
      range.selectNodeContents(node);
      const shown = [...range.getClientRects()].some(rect => rect.width > 0 && rect.height > 0);
      if (!shown || !visible(styled) || exemption(styled)) {
        continue;
      }
      const group = byStyledElement.get(styled) ?? {parent, text: ''};
      group.text += ' ' + node.data;
      byStyledElement.set(styled, group);
    }
    for (const [styled, group] of byStyledElement) {
      const style = getComputedStyle(styled);
      textEntry(group.parent, styled, group.text, style, null, 1);
    }

    for (const field of root.querySelectorAll('input, textarea')) {
      const shownValue = !['hidden', 'checkbox', 'radio', 'range', 'color', 'file'].includes(field.type) && field.value.trim();
      if (shownValue && visible(field) && !exemption(field)) {
        const text = field.type === 'password' ? '••••••' : field.value;
        textEntry(field, field, text, getComputedStyle(field), null, 1);
      }
    }

    for (const element of root.querySelectorAll('*')) {
      for (const pseudo of ['::before', '::after']) {
        const style = getComputedStyle(element, pseudo);
        const content = style.content;
        // Only quoted text with a letter or digit: icon-font glyphs, bullets and spacers are not text to read.
        if (!content.startsWith('"') || !/[\p{L}\p{N}]/u.test(content) || style.display === 'none') {
          continue;
        }
        if (style.visibility === 'visible' && Number(style.opacity) > 0 && visible(element) && !exemption(element)) {
          const text = content.slice(1, -1);
          textEntry(element, element, `${pseudo} ${text}`, style, style.backgroundColor, Number(style.opacity));
        }
      }
    }

    if (root instanceof ShadowRoot) {
      for (const part of root.querySelectorAll('[part~="input-field"], [part~="checkbox"], [part~="radio"]')) {
        if (!visible(part) || exemption(part)) {
          continue;
        }
        const host = root.host;
        entries.push({
          kind: 'control',
          element: describe(part),
          text: shorten(host.label || host.getAttribute('aria-label') || host.textContent || ''),
          color: null,
          fontSize: 0,
          fontWeight: 0,
          layer: layer(part),
          ownBackground: null,
          ownOpacity: 1,
          edges: edges(part),
        });
      }
    }

    for (const icon of root.querySelectorAll('vaadin-icon')) {
      const control = icon.closest('vaadin-button, button, a[href], [role="button"], [role="link"], vaadin-side-nav-item')
          ?? (icon.getRootNode() instanceof ShadowRoot ? icon.getRootNode().host.closest('vaadin-button, vaadin-side-nav-item') : null);
      if (!control || !visible(icon) || exemption(icon)) {
        continue;
      }
      // The icon's SVG fill is what shows (currentColor in Lumo); the icon's colour when it has no colour fill.
      const svg = icon.shadowRoot && icon.shadowRoot.querySelector('svg');
      const fill = svg ? getComputedStyle(svg).fill : 'none';
      entries.push({
        kind: 'graphic',
        element: describe(icon),
        text: shorten(icon.getAttribute('icon') ?? ''),
        color: /^(rgb|color)\(/.test(fill) ? fill : getComputedStyle(icon).color,
        fontSize: 0,
        fontWeight: 0,
        layer: layer(icon),
        ownBackground: null,
        ownOpacity: 1,
        edges: [],
      });
    }
  }

  // The colours that may draw a control's outline: its own border, sharp box-shadow rings (Lumo draws field
  // borders and focus rings that way; computed box-shadows read "<colour> <x> <y> <blur> <spread> [inset]"), and
  // the border of a shown ::after or ::before (Lumo draws read-only outlines there; a radio's dot, scaled to
  // nothing while unchecked, is not shown). Transparent ones are judged too, and simply do not help.
  function edges(part) {
    const style = getComputedStyle(part);
    const found = bordered(style) ? [style.borderTopColor] : [];
    for (const shadow of style.boxShadow === 'none' ? [] : style.boxShadow.split(/,(?![^(]*\))/)) {
      const ring = shadow.trim().match(/^(.*\))\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+([\d.]+)px\s+([\d.]+)px(\s+inset)?$/);
      if (ring && Number(ring[2]) === 0 && Number(ring[3]) === 0 && Number(ring[4]) === 0 && Number(ring[5]) > 0) {
        found.push(ring[1]);
      }
    }
    for (const pseudo of ['::after', '::before']) {
      const drawn = getComputedStyle(part, pseudo);
      const shown = drawn.content !== 'none' && Number(drawn.opacity) > 0 && !drawn.transform.startsWith('matrix(0, 0, 0, 0,');
      if (shown && bordered(drawn)) {
        found.push(drawn.borderTopColor);
      }
    }
    return found;
  }

  function bordered(style) {
    return style.display !== 'none' && !['none', 'hidden'].includes(style.borderTopStyle) && parseFloat(style.borderTopWidth) > 0;
  }

  return {layers, entries};
}

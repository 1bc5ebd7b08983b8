// The language picker (data-testid="lang"): each language by its own name.
import { LANGUAGES, language, text } from '../strings/index.js';
import { setProp } from './dom.js';

export function createLangPicker(select, intents) {
  for (const code of LANGUAGES) {
    const o = document.createElement('option');
    o.value = code;
    o.lang = code; // a screen reader says 中文 in Chinese
    o.dataset.text = `lang.${code}`;
    o.textContent = text(`lang.${code}`);
    select.append(o);
  }
  select.addEventListener('change', () => intents.setLanguage(select.value));
  return {
    draw() {
      setProp(select, 'value', language());
    },
  };
}

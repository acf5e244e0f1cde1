// ENT: the live checklist of the password page. The rules come from the server (/realms/{realm}/ent-password/rules),
// so the page and the server agree; the dictionary verdict needs the server and comes when the form is sent.
const box = document.getElementById("ent-password-rules");
const input = document.getElementById("password-new");
const capsLock = document.getElementById("ent-capslock");

const fill = (template, value) => template.replace("{0}", value);

if (box && input) {
  let rules = {
    active: true, minLength: 8, recommendedLength: 12, requireLetter: true, requireDigit: true,
    forbiddenCharacters: "<>\"'$", dictionary: true,
  };
  const items = {};
  box.querySelectorAll("[data-ent-rule]").forEach((item) => { items[item.dataset.entRule] = item; });
  const meter = document.getElementById("ent-password-meter");
  const meterLabel = document.getElementById("ent-password-meter-label");
  const status = document.getElementById("ent-password-status");
  let statusTimer;

  const render = () => {
    items.length.querySelector(".ent-rule-text").textContent = fill(items.length.dataset.template, rules.minLength);
    items.letter.hidden = !rules.requireLetter;
    items.digit.hidden = !rules.requireDigit;
    items.forbidden.hidden = !rules.forbiddenCharacters;
    items.forbidden.querySelector(".ent-rule-text").textContent =
      fill(items.forbidden.dataset.template, [...(rules.forbiddenCharacters || "")].join(" "));
    items.dictionary.hidden = !rules.dictionary;
    meter.max = rules.recommendedLength;
    meter.low = rules.minLength;
    meter.high = Math.max(rules.minLength, rules.recommendedLength - 1);
    meter.optimum = rules.recommendedLength;
    meterLabel.textContent = fill(meterLabel.dataset.template, rules.recommendedLength);
  };

  const mark = (item, ok) => {
    item.dataset.state = ok ? "ok" : "todo";
    item.querySelector(".ent-rule-state").textContent = ok ? box.dataset.ok : box.dataset.todo;
  };

  const update = () => {
    const value = input.value.normalize("NFKC");
    const length = [...value].length;
    const checks = {
      length: length >= rules.minLength,
      letter: /\p{L}/u.test(value),
      digit: /\p{Nd}/u.test(value),
      // a prohibition is met until broken: an empty field breaks none
      forbidden: ![...value].some((c) => (rules.forbiddenCharacters || "").includes(c)),
    };
    let shown = 0;
    let met = 0;
    for (const [name, ok] of Object.entries(checks)) {
      mark(items[name], ok);
      if (!items[name].hidden) {
        shown += 1;
        met += ok ? 1 : 0;
      }
    }
    meter.value = Math.min(length, rules.recommendedLength);
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => {
      status.textContent = box.dataset.status.replace("{0}", met).replace("{1}", shown);
    }, 800);
  };

  fetch(box.dataset.rulesUrl, { headers: { Accept: "application/json" }, credentials: "omit" })
    .then((response) => (response.ok ? response.json() : null))
    .then((answer) => {
      if (answer && answer.active === false) {
        box.hidden = true;
      } else if (answer) {
        rules = { ...rules, ...answer };
        render();
        update();
      }
    })
    .catch(() => { /* the defaults stay; the server checks anyway */ });

  render();
  update();
  input.addEventListener("input", update);
}

if (capsLock) {
  const watch = (event) => {
    if (event.getModifierState) {
      capsLock.hidden = !event.getModifierState("CapsLock");
    }
  };
  document.querySelectorAll("input[type=password]").forEach((field) => {
    field.addEventListener("keydown", watch);
    field.addEventListener("keyup", watch);
  });
}

// Kiosk inactivity watch; feedback/ui/kiosk.py fills in its settings.
(function (config) {
  const w = window;
  w.__kioskConfig = config;
  if (w.__kioskInstalled) return;
  w.__kioskInstalled = true;
  w.__kioskHome = w.__kioskHome || location.href;
  let last = Date.now();
  let touched = false;
  const box = document.createElement("div");
  box.id = "kiosk-warning";
  box.hidden = true;
  box.setAttribute("role", "alertdialog");
  box.setAttribute("aria-modal", "true");
  box.setAttribute("aria-labelledby", "kiosk-warning-title");
  box.setAttribute("aria-describedby", "kiosk-warning-text");
  // Built with the DOM API: st.html drops a script whose strings contain markup.
  const panel = document.createElement("div");
  const title = document.createElement("h2");
  title.id = "kiosk-warning-title";
  const text = document.createElement("p");
  text.id = "kiosk-warning-text";
  text.setAttribute("aria-live", "polite");
  const button = document.createElement("button");
  button.type = "button";
  panel.append(title, text, button);
  box.appendChild(panel);
  document.body.appendChild(box);
  function activity() { last = Date.now(); touched = true; if (!box.hidden) { box.hidden = true; } }
  ["pointerdown", "keydown", "touchstart", "input"].forEach(
    (name) => document.addEventListener(name, activity, true));
  document.addEventListener("pointerdown", function () {
    const root = document.documentElement;
    if (!document.fullscreenElement && root.requestFullscreen) {
      root.requestFullscreen().catch(() => {});
    }
  }, { once: true });
  setInterval(function () {
    if (!touched) return;  // an untouched screen is already fresh
    const c = w.__kioskConfig, idle = (Date.now() - last) / 1000;
    if (idle >= c.idle) { location.replace(w.__kioskHome); return; }
    if (idle >= c.idle - c.warning) {
      const left = Math.ceil(c.idle - idle);
      title.textContent = c.stillThere;
      text.textContent = c.resetSoon.replace("{seconds}", left);
      button.textContent = c.continue;
      if (box.hidden) { box.hidden = false; button.focus(); }
    }
  }, 1000);
})(__KIOSK_CONFIG__);

/* Email directory: turn each obfuscated address into a mailto link with a copy button.
 * The HTML carries the address reversed and base64-encoded (data-email), and a readable
 * fallback ("user (a còng) domain") for browsers without JavaScript. Everything made here
 * is an ordinary link and an ordinary button: keyboard and screen-reader users use them
 * like any other. Copying is announced in a polite live region. */
(function () {
  "use strict";
  function decode(value) {
    try { return atob(value).split("").reverse().join(""); } catch (e) { return ""; }
  }
  function fill(template, name, value) { return template.replace("{" + name + "}", value); }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "absolute";
      area.style.left = "-9999px";
      document.body.appendChild(area);
      area.select();
      var done = document.execCommand("copy");
      document.body.removeChild(area);
      if (done) { resolve(); } else { reject(); }
    });
  }

  function enhance(root) {
    var strings = root.dataset;
    var announcer = root.querySelector("[data-email-announcer]");
    root.querySelectorAll(".email-address[data-email]").forEach(function (span) {
      var address = decode(span.dataset.email);
      if (address.indexOf("@") < 1) { return; }
      var name = span.dataset.name || address;
      var link = document.createElement("a");
      link.href = "mailto:" + address;
      link.className = "email-link";
      link.textContent = address;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "email-copy";
      button.textContent = strings.copyLabel;
      button.setAttribute("aria-label", fill(strings.copyAria, "name", name));
      button.addEventListener("click", function () {
        copy(address).then(function () {
          button.textContent = strings.copiedLabel;
          if (announcer) { announcer.textContent = fill(strings.copiedAnnouncement, "address", address); }
          setTimeout(function () { button.textContent = strings.copyLabel; }, 2500);
        }, function () {
          if (announcer) { announcer.textContent = strings.copyFailed; }
        });
      });
      span.textContent = "";
      span.appendChild(link);
      span.appendChild(document.createTextNode(" "));
      span.appendChild(button);
      span.removeAttribute("data-email");
      span.classList.add("email-ready");
    });
  }

  function start() {
    document.querySelectorAll("[data-email-directory]").forEach(enhance);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

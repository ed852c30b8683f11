// The checklist's Print button (a script file, not an inline handler: the site's
// Content-Security-Policy allows no inline script).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});

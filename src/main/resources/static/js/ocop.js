document.documentElement.classList.add('js');

// The menu button of small screens.
document.addEventListener('DOMContentLoaded', function () {
  var button = document.querySelector('.nav-button');
  var nav = document.getElementById('main-nav');
  if (button && nav) {
    button.addEventListener('click', function () {
      var open = nav.classList.toggle('open');
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }
});

// Sends the CSRF token with every htmx request that changes state (the page chain requires it).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Asks before destructive actions: forms carrying data-confirm (e.g. removing a photo).
document.addEventListener('submit', function (event) {
  var form = event.target;
  var message = form && form.getAttribute ? form.getAttribute('data-confirm') : null;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// Print buttons (data-print): the browser's print dialog, which also saves as PDF; the print stylesheet keeps the sheet.
document.addEventListener('click', function (event) {
  var button = event.target && event.target.closest ? event.target.closest('[data-print]') : null;
  if (button) {
    event.preventDefault();
    window.print();
  }
});

// "Tick all" boxes (data-check-all="name"): tick or untick every enabled box of that name in the same form.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('input[data-check-all]').forEach(function (all) {
    all.hidden = false;
    all.addEventListener('change', function () {
      var name = all.getAttribute('data-check-all');
      all.form.querySelectorAll('input[type=checkbox]').forEach(function (box) {
        if (box.name === name && !box.disabled) {
          box.checked = all.checked;
        }
      });
    });
  });
});

// The public scan page: share an approximate location for the scan, only when the visitor asks to. The position is
// rounded to 0.1 degree (about 11 km) here, before it leaves the phone; the server keeps that and the province.
document.addEventListener('DOMContentLoaded', function () {
  document.documentElement.classList.add('js');
  var button = document.getElementById('share-location');
  var result = document.getElementById('location-result');
  if (!button || !result || !navigator.geolocation || !window.fetch) {
    if (button) { button.parentNode.hidden = true; }
    return;
  }
  button.addEventListener('click', function () {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (position) {
      var round = function (v) { return Math.round(v * 10) / 10; };
      fetch('/api/v1/stamps/' + encodeURIComponent(button.dataset.code) + '/scans/' + button.dataset.scan + '/location', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ latitude: round(position.coords.latitude), longitude: round(position.coords.longitude) })
      }).then(function (response) {
        result.textContent = response.ok ? button.dataset.thanks : button.dataset.failed;
      }, function () {
        result.textContent = button.dataset.failed;
        button.disabled = false;
      });
    }, function () {
      result.textContent = button.dataset.failed;
      button.disabled = false;
    }, { enableHighAccuracy: false, maximumAge: 600000, timeout: 15000 });
  });
});

/*
 * Keeps the study list current: the server pushes the list's HTML as a server-sent event whenever a
 * study's events change it (GET /live/studies); this replaces the list with each one. EventSource
 * reconnects by itself after a lost connection, so there is no polling loop.
 */
(function () {
  'use strict';
  const list = document.getElementById('live-studies');
  const status = document.getElementById('live-status');
  const source = new EventSource(list.dataset.events);
  source.onopen = () => { status.textContent = 'live: connected, updates as results arrive'; };
  source.onerror = () => { status.textContent = 'live: connection lost, reconnecting…'; };
  source.onmessage = event => {
    list.innerHTML = event.data;
    list.dataset.updates = String(Number(list.dataset.updates || 0) + 1);
  };
})();

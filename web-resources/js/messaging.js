/*
 * Recruiter UI of the messaging plugin. Plain browser JavaScript: no build step.
 * Talks only to the plugin's REST API; the host's CSRF token comes from its meta tag.
 */
(function () {
  'use strict';

  var REST = '/rest/messaging/1.0';

  function csrfToken() {
    var meta = document.querySelector('meta[name="ats-csrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }

  function api(path, options) {
    options = options || {};
    var headers = { 'Accept': 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.method && options.method !== 'GET') headers['X-CSRF-Token'] = csrfToken();
    return fetch(REST + path, {
      method: options.method || 'GET',
      headers: headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body)
    }).then(function (response) {
      if (response.status === 204) return null;
      return response.json().then(function (json) {
        if (!response.ok) throw json.error || { code: 'HTTP_' + response.status, message: String(response.status) };
        return json;
      });
    });
  }

  // An element with attributes ("text" sets textContent) and children; never parses markup.
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attributes[name];
      else if (name === 'className') node.className = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function ensureBadge(icon) {
    var badge = icon.querySelector('[data-messaging="unread-badge"]');
    if (!badge) {
      badge = document.createElement('span');
      badge.setAttribute('data-messaging', 'unread-badge');
      badge.hidden = true;
      badge.textContent = '0';
      icon.appendChild(badge);
    }
    return badge;
  }

  function showUnread(badge, count) {
    badge.textContent = String(count);
    badge.hidden = count === 0;
  }

  function readUnread(badge) {
    api('/unread').then(function (json) { showUnread(badge, json.count); })
      .catch(function () { /* the badge keeps its last count when it cannot be read */ });
  }

  var POLL_MS = 15000;

  // Live: the event stream moves the badge and tells the page about changed messages
  // ("messaging:message" on document). EventSource reconnects by itself (sending Last-Event-ID);
  // when the stream is refused or unsupported, the badge falls back to polling.
  function watch(badge) {
    if (!window.EventSource) {
      window.setInterval(function () {
        readUnread(badge);
        document.dispatchEvent(new CustomEvent('messaging:poll'));
      }, POLL_MS);
      return;
    }
    var source = new EventSource(REST + '/stream', { withCredentials: true });
    var polling = null;
    source.addEventListener('unread', function (event) {
      showUnread(badge, JSON.parse(event.data).count);
    });
    source.addEventListener('message', function (event) {
      document.dispatchEvent(new CustomEvent('messaging:message', { detail: JSON.parse(event.data) }));
    });
    source.addEventListener('open', function () {
      if (polling !== null) {
        window.clearInterval(polling);
        polling = null;
      }
    });
    source.addEventListener('error', function () {
      if (polling === null) {
        polling = window.setInterval(function () {
          readUnread(badge);
          // Open chats and lists re-read themselves while there is no stream.
          document.dispatchEvent(new CustomEvent('messaging:poll'));
        }, POLL_MS);
      }
    });
  }

  function initHeader() {
    var icon = document.querySelector('[data-messaging="header-icon"]');
    if (!icon) return;
    var badge = ensureBadge(icon);
    readUnread(badge);
    watch(badge);
  }

  // A body as text, its http(s) links as real links: built with text nodes and an href set from
  // the matched URL only, so nothing in a body can become markup or a javascript: link.
  var URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

  function appendText(node, text) {
    var last = 0;
    text.replace(URL_PATTERN, function (url, offset) {
      node.appendChild(document.createTextNode(text.slice(last, offset)));
      var link = document.createElement('a');
      link.href = url;
      link.textContent = url;
      link.rel = 'noopener noreferrer nofollow';
      link.target = '_blank';
      node.appendChild(link);
      last = offset + url.length;
      return url;
    });
    node.appendChild(document.createTextNode(text.slice(last)));
    return node;
  }

  // Shared with the panel and the admin pages' scripts, which load after this one.
  window.AtsMessaging = { appendText: appendText, api: api, el: el };

  // Every message with the candidate, oldest first. Text nodes only (links built as above): bodies never become markup.
  function renderMessage(message) {
    var item = document.createElement('li');
    item.setAttribute('data-messaging', 'bubble');
    item.setAttribute('data-direction', message.direction);
    item.className = 'messaging-bubble messaging-bubble--' + message.direction.toLowerCase();
    var meta = document.createElement('div');
    meta.className = 'messaging-bubble__meta';
    meta.textContent = [message.channel, message.status,
      message.author ? message.author.name : '', new Date(message.createdAt).toLocaleString()].join(' · ');
    item.appendChild(meta);
    if (message.subject) {
      var subject = document.createElement('div');
      subject.className = 'messaging-bubble__subject';
      subject.textContent = message.subject;
      item.appendChild(subject);
    }
    var body = document.createElement('div');
    body.className = 'messaging-bubble__body';
    appendText(body, message.body);
    item.appendChild(body);
    return item;
  }

  function initCommunications() {
    var list = document.querySelector('[data-messaging="communications-list"]');
    if (!list) return;
    var panel = list.closest('[data-messaging="communications"]');
    var candidateId = panel.getAttribute('data-candidate-id');
    api('/candidates/' + encodeURIComponent(candidateId) + '/communications?limit=50').then(function (json) {
      list.textContent = '';
      if (json.messages.length === 0) {
        list.textContent = list.getAttribute('data-empty-text');
        return;
      }
      var items = document.createElement('ol');
      items.className = 'messaging-bubbles';
      json.messages.forEach(function (message) { items.appendChild(renderMessage(message)); });
      list.appendChild(items);
    }).catch(function (error) {
      list.textContent = (error && error.message) || list.getAttribute('data-empty-text');
    });
  }

  function init() {
    initHeader();
    initCommunications();
    // A message sent from the tab, or one arriving live, shows in the list.
    document.addEventListener('messaging:refresh-communications', initCommunications);
    document.addEventListener('messaging:message', initCommunications);
    document.addEventListener('messaging:poll', initCommunications);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());

/* The reference host's own page behaviour: accessible tabs on the candidate profile. */
(function () {
  'use strict';

  function selectTab(tabs, tab) {
    tabs.forEach(function (other) {
      var selected = other === tab;
      other.setAttribute('aria-selected', selected ? 'true' : 'false');
      other.tabIndex = selected ? 0 : -1;
      var panel = document.getElementById(other.getAttribute('aria-controls'));
      if (panel) panel.hidden = !selected;
    });
    tab.dispatchEvent(new CustomEvent('ats:tab-shown', { bubbles: true }));
  }

  function initTabs(container) {
    var tabs = Array.prototype.slice.call(container.querySelectorAll('[role="tab"]'));
    tabs.forEach(function (tab, index) {
      tab.addEventListener('click', function () { selectTab(tabs, tab); });
      tab.addEventListener('keydown', function (event) {
        var next = null;
        if (event.key === 'ArrowRight') next = tabs[(index + 1) % tabs.length];
        if (event.key === 'ArrowLeft') next = tabs[(index - 1 + tabs.length) % tabs.length];
        if (next) { event.preventDefault(); selectTab(tabs, next); next.focus(); }
      });
    });
    var wanted = new URLSearchParams(window.location.search).get('tab');
    var initial = tabs.filter(function (t) { return t.getAttribute('data-ats-tab') === wanted; })[0];
    if (initial) selectTab(tabs, initial);
  }

  document.querySelectorAll('[data-ats="profile-tabs"]').forEach(initTabs);
}());

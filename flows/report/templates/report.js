(function () {
  "use strict";

  // Charts: specs come from the JSON block (data, never code); plotly.js is inlined above.
  var source = document.getElementById("report-charts");
  var charts = source ? JSON.parse(source.textContent) : [];
  var config = {
    displaylogo: false,
    responsive: true,
    modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"],
    toImageButtonOptions: { format: "png", scale: 2 }
  };
  var plotted = [];

  // A development's articles: a <details> in the page, opened when a lane or a row links to it.
  function openThread(hash) {
    if (typeof hash !== "string" || !/^#thread-[A-Za-z0-9_-]+$/.test(hash)) {
      return false;
    }
    var target = document.getElementById(hash.slice(1));
    if (!target) {
      return false;
    }
    if (target.tagName === "DETAILS") {
      target.open = true;
    }
    if (window.location.hash !== hash) {
      window.location.hash = hash;
    } else {
      target.scrollIntoView();
    }
    return true;
  }
  window.addEventListener("hashchange", function () { openThread(window.location.hash); });
  openThread(window.location.hash);

  charts.forEach(function (chart) {
    var element = document.getElementById(chart.id);
    if (!element || typeof Plotly === "undefined") {
      return;
    }
    Plotly.newPlot(element, chart.data, chart.layout, config);
    plotted.push(element);
    element.on("plotly_click", function (event) {
      var point = event && event.points && event.points[0];
      var url = point && point.customdata;
      if (openThread(url)) {
        return;
      }
      if (typeof url === "string" && /^https?:\/\//i.test(url)) {
        window.open(url, "_blank", "noopener,noreferrer");
      }
    });
  });
  function resizeAll() {
    plotted.forEach(function (element) { Plotly.Plots.resize(element); });
  }
  window.addEventListener("beforeprint", resizeAll);
  window.addEventListener("afterprint", resizeAll);

  // Timeline filters: show or hide rendered rows; no text from the data is ever turned into HTML.
  var table = document.getElementById("timeline-table");
  var pairSelect = document.getElementById("filter-pair");
  var typeSelect = document.getElementById("filter-type");
  var counter = document.getElementById("timeline-count");
  var none = document.getElementById("timeline-none");
  if (!table || !pairSelect || !typeSelect) {
    return;
  }
  var rows = Array.prototype.filter.call(table.tBodies[0].rows, function (row) { return row !== none; });
  function applyFilters() {
    var pair = pairSelect.value;
    var type = typeSelect.value;
    var shown = 0;
    rows.forEach(function (row) {
      var pairOk = !pair || (pair === "other" ? row.dataset.topicPair !== "1" : row.dataset.pair === pair);
      var typeOk = !type || row.dataset.type === type || row.dataset.quad === type;
      row.hidden = !(pairOk && typeOk);
      if (!row.hidden) {
        shown += 1;
      }
    });
    if (counter) {
      counter.textContent = shown + " of " + rows.length + " events shown";
    }
    if (none) {
      none.hidden = shown > 0;
    }
  }
  pairSelect.addEventListener("change", applyFilters);
  typeSelect.addEventListener("change", applyFilters);
  applyFilters();
})();

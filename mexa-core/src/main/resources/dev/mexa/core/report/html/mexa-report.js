/* mexa-report.html behaviour: sort the results table by a clicked header, filter its rows by typed text.
   Static code: it reads the table's data-type and data-value attributes and embeds no report data. */
(function () {
  'use strict';
  var table = document.getElementById('results');
  var body = table.tBodies[0];
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var filter = document.getElementById('filter');
  var count = document.getElementById('filter-count');

  function value(row, column, numeric) {
    var text = row.cells[column].getAttribute('data-value');
    return numeric ? (text === '' ? NaN : parseFloat(text)) : text;
  }

  function compare(column, numeric, direction) {
    return function (a, b) {
      var x = value(a, column, numeric);
      var y = value(b, column, numeric);
      if (numeric) {
        if (isNaN(x) || isNaN(y)) {
          return (isNaN(x) ? 1 : 0) - (isNaN(y) ? 1 : 0);
        }
        return direction * (x - y);
      }
      return direction * x.localeCompare(y);
    };
  }

  function sortBy(header) {
    var ascending = header.getAttribute('aria-sort') !== 'ascending';
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(compare(header.cellIndex, header.getAttribute('data-type') === 'number', ascending ? 1 : -1));
    headers.forEach(function (other) { other.removeAttribute('aria-sort'); });
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function applyFilter() {
    var query = filter.value.trim().toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var match = query === '' || row.textContent.toLowerCase().indexOf(query) >= 0;
      row.hidden = !match;
      shown += match ? 1 : 0;
    });
    count.textContent = shown + ' of ' + body.rows.length + ' languages';
  }

  headers.forEach(function (header) {
    header.querySelector('button').addEventListener('click', function () { sortBy(header); });
  });
  filter.addEventListener('input', applyFilter);
}());

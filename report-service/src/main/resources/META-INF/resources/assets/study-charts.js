/*
 * Draws a study report's charts with Apache ECharts from the JSON object the server embeds in the
 * page (#study-data, built by StudyPageData), and makes the trial table sortable and filterable.
 * Every element with a data-chart attribute gets one chart; window.vixlabCharts keeps them by
 * element, for the browser tests and the page's own linking.
 */
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('study-data').textContent);
  const colours = data.colours;
  const charts = [];
  window.vixlabCharts = charts;

  const fmt = v => v == null || !isFinite(v) ? String(v) : v === 0 ? '0' : Math.abs(v) >= 1e-4 && Math.abs(v) < 1e7
      ? String(Number(v.toPrecision(4))) : v.toExponential(3).replace(/\.?0+e/, 'e');
  const colourOf = name => colours[name] || '#999999';
  const tooltip = extra => Object.assign({className: 'vixlab-tooltip', confine: true, valueFormatter: fmt}, extra);
  const title = text => ({text: text, left: 'center', top: 4, textStyle: {fontSize: 13}});
  const legend = extra => Object.assign({top: 28, type: 'scroll'}, extra);
  /** Bounds outside [low, high] on a round step, a tenth of the range's order of magnitude. */
  const niceBounds = (low, high) => {
    const step = Math.pow(10, Math.floor(Math.log10((high - low) || Math.abs(high) || 1)) - 1);
    return [Math.floor(low / step) * step, Math.ceil(high / step) * step].map(v => Number(v.toPrecision(6)));
  };
  const dayAxis = {type: 'time', min: 'dataMin', max: 'dataMax', minInterval: 86400000,
    axisLabel: {formatter: '{yyyy}-{MM}-{dd}', hideOverlap: true}};
  const empty = text => ({title: title(text), graphic: {type: 'text', left: 'center', top: 'middle',
      style: {text: 'nothing to show yet', fill: '#888', fontSize: 13}}});
  const tuningOf = architecture => data.tuning.find(t => t.architecture === architecture);
  const completeTrials = tuning => tuning.trials.filter(t => t.value != null);
  const withParams = tuning => completeTrials(tuning).filter(t => Object.keys(t.params).length > 0);
  // A positive parameter spanning two decades is shown on a log axis (as the server's PED-ANOVA grid).
  const isLog = values => values.every(v => typeof v === 'number' && v > 0)
      && Math.max(...values) / Math.min(...values) >= 100;
  const isNumeric = values => values.every(v => typeof v === 'number');

  function metricChart(el) {
    const metric = data.metrics.find(m => m.key === el.dataset.metric);
    if (metric.bars.length === 0) return empty(metric.title);
    // The axis takes in the reference lines, which ECharts leaves out of its extent.
    const values = metric.bars.map(b => b.value).concat(metric.references.map(r => r.value));
    const [low, high] = niceBounds(Math.min(0, ...values), Math.max(0, ...values) * 1.08);
    return {
      title: title(metric.title), tooltip: tooltip({trigger: 'item'}),
      grid: {left: 70, right: 30, bottom: 70, top: 40},
      xAxis: {type: 'category', data: metric.bars.map(b => b.name), axisLabel: {rotate: 20, fontSize: 10}},
      yAxis: {type: 'value', name: metric.axis, nameLocation: 'middle', nameGap: 50, min: low, max: high,
        axisLabel: {formatter: fmt}},
      series: [{type: 'bar', name: metric.title,
        data: metric.bars.map(b => ({value: b.value, name: b.name, itemStyle: {color: colourOf(b.name)}})),
        label: {show: true, position: 'top', formatter: p => fmt(p.value), fontSize: 10},
        markLine: {symbol: 'none', data: metric.references.map(r => ({name: r.name, yAxis: r.value,
          lineStyle: {color: colourOf(r.name), type: 'dashed', width: 2},
          label: {formatter: r.name + ' ' + fmt(r.value), position: 'insideEndTop', fontSize: 10}}))}}]
    };
  }

  const days = data.predictions.dates;
  const zoom = [{type: 'inside', xAxisIndex: 0, filterMode: 'none'}, {type: 'slider', xAxisIndex: 0, height: 18, bottom: 8}];
  const dated = values => values.map((v, i) => [days[i], v]);

  function predictionsChart() {
    if (days.length === 0) return empty('Predictions vs actual VIX (test period)');
    const series = [{name: 'actual', type: 'line', data: dated(data.predictions.actual), showSymbol: false,
      lineStyle: {width: 2.5, color: colours.actual}, itemStyle: {color: colours.actual}, z: 3}];
    data.predictions.series.forEach(s => series.push({name: s.name, type: 'line', data: dated(s.values),
      showSymbol: false, lineStyle: {width: 1.2, color: colourOf(s.name), type: s.name === 'Random walk' ? 'dashed' : 'solid'},
      itemStyle: {color: colourOf(s.name)}}));
    return {
      title: title('Predictions vs actual VIX (test period; drag or scroll to zoom)'),
      tooltip: tooltip({trigger: 'axis'}), legend: legend(),
      grid: {left: 60, right: 30, top: 64, bottom: 60},
      xAxis: dayAxis, yAxis: {type: 'value', name: 'VIX close', scale: true},
      dataZoom: zoom, series: series
    };
  }

  function residualsChart() {
    if (days.length === 0) return empty('Residuals');
    const actual = data.predictions.actual;
    return {
      title: title('Residuals: actual − predicted (VIX points)'), tooltip: tooltip({trigger: 'axis'}),
      legend: legend(), grid: {left: 60, right: 30, top: 64, bottom: 60},
      xAxis: dayAxis, yAxis: {type: 'value', name: 'residual'},
      dataZoom: zoom,
      series: data.predictions.series.map(s => ({name: s.name, type: 'line', showSymbol: false,
        data: dated(s.values.map((v, i) => v == null ? null : actual[i] - v)),
        lineStyle: {width: 1, color: colourOf(s.name)}, itemStyle: {color: colourOf(s.name)}}))
    };
  }

  function scatterChart() {
    if (days.length === 0) return empty('Predicted vs actual');
    const actual = data.predictions.actual;
    const low = Math.min(...actual), high = Math.max(...actual);
    return {
      title: title('Predicted vs actual (diagonal: perfect forecast)'),
      tooltip: tooltip({trigger: 'item', formatter: p => p.seriesName + '<br>' + days[p.dataIndex]
          + '<br>actual ' + fmt(p.value[0]) + ', predicted ' + fmt(p.value[1])}),
      legend: legend(), grid: {left: 60, right: 40, top: 64, bottom: 40},
      xAxis: {type: 'value', name: 'actual', scale: true}, yAxis: {type: 'value', name: 'predicted', scale: true},
      series: data.predictions.series.filter(s => s.name !== 'Random walk').map((s, k) => ({
        name: s.name, type: 'scatter', symbolSize: 5, itemStyle: {color: colourOf(s.name), opacity: 0.6},
        data: s.values.map((v, i) => [actual[i], v]),
        markLine: k > 0 ? undefined : {symbol: 'none', silent: true, lineStyle: {color: '#444', type: 'dashed'},
          data: [[{coord: [low, low]}, {coord: [high, high]}]]}}))
    };
  }

  function edfChart() {
    const series = data.tuning.filter(t => completeTrials(t).length > 0).map(t => {
      const values = completeTrials(t).map(x => x.value).sort((a, b) => a - b);
      return {name: t.architecture, type: 'line', step: 'end', showSymbol: true, symbolSize: 4,
        data: values.map((v, i) => [v, (i + 1) / values.length]),
        lineStyle: {color: colourOf(t.architecture)}, itemStyle: {color: colourOf(t.architecture)}};
    });
    if (series.length === 0) return empty('Empirical distribution of trial values');
    return {
      title: title('Empirical distribution (EDF) of complete trials\u2019 values'), tooltip: tooltip({trigger: 'item'}),
      legend: legend(), grid: {left: 60, right: 60, top: 64, bottom: 40},
      xAxis: {type: 'value', name: 'objective', scale: true}, yAxis: {type: 'value', name: 'share of trials ≤', max: 1},
      series: series
    };
  }

  function historyChart(el) {
    const tuning = tuningOf(el.dataset.architecture);
    if (tuning.trials.length === 0) return empty('Optimization history: ' + tuning.architecture);
    const colour = colourOf(tuning.architecture);
    let best = null;
    const bestSoFar = tuning.trials.map(t => {
      if (t.value != null && (best == null || t.value < best)) best = t.value;
      return [t.number, best];
    });
    const complete = completeTrials(tuning);
    const top = complete.length ? Math.max(...complete.map(t => t.value)) : 1;
    // A pruned trial has no value: it is drawn at its last reported loss, a failed one at the top.
    const lastLoss = number => {
      const curves = tuning.intermediate.find(c => c.trial === 'trial ' + number);
      const folds = curves ? curves.folds.filter(f => f.length) : [];
      return folds.length ? folds[folds.length - 1][folds[folds.length - 1].length - 1] : top;
    };
    const marks = (state, symbol, colourOfMark, y) => ({name: state, type: 'scatter', symbol: symbol, symbolSize: 10,
      itemStyle: {color: colourOfMark},
      data: tuning.trials.filter(t => t.state === state.toUpperCase()).map(t => [t.number, y(t.number)])});
    return {
      title: title('Optimization history: ' + tuning.architecture), tooltip: tooltip({trigger: 'item'}),
      legend: legend(), grid: {left: 60, right: 40, top: 64, bottom: 40},
      toolbox: {right: 10, feature: {myLog: {show: true, title: 'log scale', icon: 'path://M2,28 L2,2 M2,28 L30,28 M4,24 Q10,4 30,4',
        onclick: () => {
          const chart = echarts.getInstanceByDom(el);
          const log = chart.getOption().yAxis[0].type !== 'log';
          chart.setOption({yAxis: {type: log ? 'log' : 'value'}});
          el.dataset.log = log;
        }}}},
      xAxis: {type: 'value', name: 'trial', minInterval: 1}, yAxis: {type: 'value', name: 'objective', scale: true},
      series: [
        // Above the best-so-far line, which passes through the best trials' points.
        {name: 'complete trial', type: 'scatter', symbolSize: 8, itemStyle: {color: colour}, z: 3,
          data: complete.map(t => [t.number, t.value])},
        {name: 'best so far', type: 'line', step: 'end', showSymbol: false, lineStyle: {color: colour, width: 2},
          itemStyle: {color: colour}, data: bestSoFar.filter(p => p[1] != null)},
        marks('pruned', 'triangle', '#999999', lastLoss),
        marks('failed', 'diamond', '#b3261e', () => top)
      ]
    };
  }

  function intermediateChart(el) {
    const tuning = tuningOf(el.dataset.architecture);
    const folds = Math.max(0, ...tuning.intermediate.map(c => c.folds.length));
    if (folds === 0) return empty('Intermediate values: ' + tuning.architecture);
    const all = tuning.intermediate.flatMap(c => c.folds.flat());
    // One scale for every fold, so that folds compare at a glance.
    const [low, high] = niceBounds(Math.min(...all), Math.max(...all));
    const width = 88 / folds;
    const option = {
      title: title('Intermediate values (validation loss) by fold: ' + tuning.architecture),
      tooltip: tooltip({trigger: 'item'}), grid: [], xAxis: [], yAxis: [], series: [],
      legend: legend({top: null, bottom: 0})
    };
    for (let f = 0; f < folds; f++) {
      option.grid.push({left: (8 + f * width) + '%', width: (width - 3) + '%', top: 50, bottom: 60});
      option.xAxis.push({gridIndex: f, type: 'value', name: 'fold ' + (f + 1) + ' epoch', nameLocation: 'middle',
        nameGap: 22, minInterval: 1, min: 1, max: 'dataMax'});
      option.yAxis.push({gridIndex: f, type: 'value', min: low, max: high,
        axisLabel: {show: f === 0, formatter: fmt}});
    }
    tuning.intermediate.forEach(curve => curve.folds.forEach((values, f) => option.series.push({
      name: curve.trial, type: 'line', xAxisIndex: f, yAxisIndex: f, symbolSize: 4,
      data: values.map((v, epoch) => [epoch + 1, v])})));
    return option;
  }

  function importancesChart(el) {
    const tuning = tuningOf(el.dataset.architecture);
    const entries = Object.entries(tuning.importances).reverse();
    if (entries.length === 0) return empty('Parameter importances (PED-ANOVA): ' + tuning.architecture);
    return {
      title: title('Parameter importances (PED-ANOVA, top 10% of trials): ' + tuning.architecture),
      tooltip: tooltip({trigger: 'item'}), grid: {left: 130, right: 60, top: 40, bottom: 30},
      xAxis: {type: 'value', max: 1, name: 'importance'}, yAxis: {type: 'category', data: entries.map(e => e[0])},
      series: [{type: 'bar', name: 'importance', data: entries.map(e => e[1]), itemStyle: {color: colourOf(tuning.architecture)},
        label: {show: true, position: 'right', formatter: p => fmt(p.value), fontSize: 10}}]
    };
  }

  function parameterAxes(trials) {
    return Object.keys(trials[0].params).sort().map(name => {
      const values = trials.map(t => t.params[name]);
      return {name: name, values: values, numeric: isNumeric(values), log: isLog(values),
        categories: isNumeric(values) ? null : [...new Set(values.map(String))].sort()};
    });
  }

  const objectiveMap = trials => ({type: 'continuous', show: true, dimension: 'value', orient: 'vertical', right: 0,
    top: 'middle', itemHeight: 100, min: Math.min(...trials.map(t => t.value)), max: Math.max(...trials.map(t => t.value)),
    text: ['worse', 'better'], inRange: {color: ['#1a9850', '#fee08b', '#d73027']}, calculable: false});

  function parallelChart(el) {
    const tuning = tuningOf(el.dataset.architecture);
    const trials = withParams(tuning);
    if (trials.length === 0) return empty('Parallel coordinates: ' + tuning.architecture);
    const axes = parameterAxes(trials);
    const parallelAxis = axes.map((a, i) => ({dim: i, name: a.name, type: a.numeric ? (a.log ? 'log' : 'value') : 'category',
      data: a.categories || undefined, scale: true, nameTextStyle: {fontSize: 10}, axisLabel: {fontSize: 9, formatter: a.numeric ? fmt : undefined}}));
    parallelAxis.push({dim: axes.length, name: 'objective', type: 'value', scale: true, axisLabel: {formatter: fmt}});
    const visualMap = objectiveMap(trials);
    visualMap.dimension = axes.length;
    return {
      title: title('Parallel coordinates: ' + tuning.architecture), tooltip: tooltip({trigger: 'item'}),
      parallel: {left: 40, right: 90, top: 60, bottom: 30}, parallelAxis: parallelAxis, visualMap: visualMap,
      series: [{type: 'parallel', name: 'trials', lineStyle: {width: 2, opacity: 0.8},
        data: trials.map(t => axes.map(a => a.numeric ? t.params[a.name] : String(t.params[a.name])).concat([t.value]))}]
    };
  }

  function sliceChart(el) {
    const tuning = tuningOf(el.dataset.architecture);
    const trials = withParams(tuning);
    if (trials.length === 0) return empty('Slice: ' + tuning.architecture);
    const axes = parameterAxes(trials);
    const columns = Math.min(axes.length, 4), rows = Math.ceil(axes.length / columns);
    el.style.height = (60 + rows * 170) + 'px';
    const option = {title: title('Slice: objective against each parameter: ' + tuning.architecture),
      tooltip: tooltip({trigger: 'item'}), grid: [], xAxis: [], yAxis: [], series: [],
      visualMap: Object.assign(objectiveMap(trials), {dimension: 1, seriesIndex: axes.map((a, i) => i)})};
    axes.forEach((a, i) => {
      const column = i % columns, row = Math.floor(i / columns);
      option.grid.push({left: (6 + column * 88 / columns) + '%', width: (88 / columns - 6) + '%',
        top: 50 + row * 170, height: 110});
      option.xAxis.push({gridIndex: i, type: a.numeric ? (a.log ? 'log' : 'value') : 'category', data: a.categories || undefined,
        name: a.name, nameLocation: 'middle', nameGap: 22, scale: true,
        axisLabel: {fontSize: 9, hideOverlap: true, formatter: a.numeric ? fmt : undefined}});
      option.yAxis.push({gridIndex: i, type: 'value', scale: true, axisLabel: {fontSize: 9, formatter: fmt}});
      option.series.push({type: 'scatter', name: a.name, xAxisIndex: i, yAxisIndex: i, symbolSize: 7,
        data: trials.map(t => [a.numeric ? t.params[a.name] : String(t.params[a.name]), t.value])});
    });
    return option;
  }

  /**
   * The objective over the two most important numeric parameters: the trials as points and, behind
   * them, the objective interpolated by inverse distance weighting on a 24 x 24 grid (in the axes'
   * own scale, log or linear), as a contour plot shows it.
   */
  function contourChart(el) {
    const tuning = tuningOf(el.dataset.architecture);
    const trials = withParams(tuning);
    const axes = trials.length ? parameterAxes(trials).filter(a => a.numeric && new Set(a.values).size > 1) : [];
    const ranked = Object.keys(tuning.importances).map(name => axes.find(a => a.name === name)).filter(a => a);
    if (ranked.length < 2) return empty('Contour of the two most important parameters: ' + tuning.architecture);
    const [ax, ay] = ranked;
    const scale = a => a.log ? Math.log : (v => v);
    const unscale = a => a.log ? Math.exp : (v => v);
    const n = 24, cells = [];
    const xs = ax.values.map(scale(ax)), ys = ay.values.map(scale(ay));
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const gx = x0 + (x1 - x0) * (i + 0.5) / n, gy = y0 + (y1 - y0) * (j + 0.5) / n;
        let weights = 0, sum = 0;
        trials.forEach((t, k) => {
          const dx = (xs[k] - gx) / (x1 - x0), dy = (ys[k] - gy) / (y1 - y0);
          const w = 1 / Math.max(dx * dx + dy * dy, 1e-12);
          weights += w; sum += w * t.value;
        });
        cells.push([unscale(ax)(gx), unscale(ay)(gy), sum / weights]);
      }
    }
    const width = el.clientWidth || 500, height = el.clientHeight || 340;
    return {
      title: title('Contour: ' + ax.name + ' × ' + ay.name + ' (most important): ' + tuning.architecture),
      tooltip: tooltip({trigger: 'item'}), grid: {left: 70, right: 100, top: 40, bottom: 50},
      xAxis: {type: ax.log ? 'log' : 'value', name: ax.name, nameLocation: 'middle', nameGap: 28, min: unscale(ax)(x0),
        max: unscale(ax)(x1), axisLabel: {formatter: fmt}},
      yAxis: {type: ay.log ? 'log' : 'value', name: ay.name, min: unscale(ay)(y0), max: unscale(ay)(y1), axisLabel: {formatter: fmt}},
      visualMap: Object.assign(objectiveMap(trials), {dimension: 2, seriesIndex: [0, 1]}),
      series: [
        {type: 'scatter', name: 'interpolated', silent: true, symbol: 'rect',
          symbolSize: [(width - 170) / n + 2, (height - 90) / n + 2], data: cells, itemStyle: {opacity: 0.55}},
        {type: 'scatter', name: 'trial', symbolSize: 9, itemStyle: {borderColor: '#000', borderWidth: 1},
          data: trials.map(t => [t.params[ax.name], t.params[ay.name], t.value])}
      ]
    };
  }

  function finalHistoryChart(el) {
    const tuning = tuningOf(el.dataset.architecture);
    const h = tuning.finalHistory;
    if (!h) return empty('Final training: ' + tuning.architecture);
    const epochs = h.epochs.map(e => e + 1);
    const colour = colourOf(tuning.architecture);
    return {
      title: title('Final training: ' + tuning.architecture), tooltip: tooltip({trigger: 'axis'}),
      legend: legend(), grid: {left: 60, right: 70, top: 64, bottom: 40},
      xAxis: {type: 'category', name: 'epoch', data: epochs},
      yAxis: [{type: 'value', name: 'loss (scaled MSE)', scale: true, axisLabel: {formatter: fmt}},
        {type: 'log', name: 'learning rate', axisLabel: {formatter: fmt}}],
      series: [
        {name: 'train loss', type: 'line', data: h.trainLoss, lineStyle: {color: colour}, itemStyle: {color: colour}},
        {name: 'validation loss', type: 'line', data: h.valLoss, lineStyle: {color: colour, type: 'dashed'},
          itemStyle: {color: colour}},
        {name: 'learning rate', type: 'line', step: 'end', yAxisIndex: 1, data: h.learningRate, lineStyle: {color: '#888'},
          itemStyle: {color: '#888'}, showSymbol: false}
      ]
    };
  }

  const builders = {metric: metricChart, predictions: predictionsChart, residuals: residualsChart, scatter: scatterChart,
    edf: edfChart, history: historyChart, intermediate: intermediateChart, importances: importancesChart,
    parallel: parallelChart, slice: sliceChart, contour: contourChart, 'final-history': finalHistoryChart};

  document.querySelectorAll('[data-chart]').forEach(el => {
    const option = builders[el.dataset.chart](el);
    const chart = echarts.init(el, null, {renderer: 'canvas'});
    chart.setOption(option);
    charts.push(chart);
  });
  // Zooming the predictions zooms their residuals too.
  const dated_ = ['predictions', 'residuals'].map(kind => document.querySelector('[data-chart="' + kind + '"]'))
      .filter(el => el).map(el => echarts.getInstanceByDom(el));
  dated_.forEach(chart => { chart.group = 'test-period'; });
  echarts.connect('test-period');
  window.addEventListener('resize', () => charts.forEach(chart => chart.resize()));

  // The trial table: a header click sorts by that column (again: the other way), the box filters rows.
  const table = document.getElementById('trials');
  if (table) {
    const body = table.tBodies[0];
    const key = cell => cell.dataset.sort !== undefined ? Number(cell.dataset.sort) : cell.textContent;
    table.querySelectorAll('th').forEach((th, column) => th.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th').forEach(other => other.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const rows = Array.from(body.rows);
      rows.sort((a, b) => {
        const x = key(a.cells[column]), y = key(b.cells[column]);
        const blankX = a.cells[column].textContent === '', blankY = b.cells[column].textContent === '';
        if (blankX || blankY) return blankX - blankY;
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return ascending ? order : -order;
      });
      rows.forEach(row => body.appendChild(row));
    }));
    document.getElementById('trial-filter').addEventListener('input', event => {
      const text = event.target.value.toLowerCase();
      Array.from(body.rows).forEach(row => { row.hidden = !row.textContent.toLowerCase().includes(text); });
    });
  }
})();

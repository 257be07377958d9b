"""Render a GIL trace (`-X gil-trace=FILE`) as a self-contained HTML page: an SVG
timeline of which thread held the GIL when (holding slices coloured by how they ended,
waiting slices pale), the number of waiting threads over time, and per-thread
histograms of wait and hold times.

    gild -m gil.report trace.json -o report.html
"""

import sys

COLOURS = {'blocking': '#4c9be8', 'forced': '#e8684c', 'tick': '#e8b84c',
           'exit': '#7aa874', 'end': '#999999'}
WAIT_COLOUR = '#f2dede'
ROW, LABEL, WIDTH = 26, 170, 1100


def load(path):
    with open(path) as f:
        text = f.read()
    try:
        import json
        return json.loads(text)
    except ImportError:
        # The trace is plain JSON; its literals are Python literals too.
        return eval(text, {'__builtins__': {}, 'true': True, 'false': False, 'null': None})


def _esc(s):
    return str(s).replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')


def _bucket(us):
    ns, bits = int(us * 1000), 0
    while ns:
        ns >>= 1
        bits += 1
    return bits


def _bucket_label(b):
    ns = 1 << max(b - 1, 0)
    for unit, div in (('s', 10 ** 9), ('ms', 10 ** 6), ('us', 10 ** 3)):
        if ns >= div:
            return '%d%s' % (ns // div, unit)
    return '%dns' % ns


def render(events):
    names, slices, counters = {}, [], []
    for e in events:
        ph = e.get('ph')
        if ph == 'M' and e.get('name') == 'thread_name':
            names[e['tid']] = e['args']['name']
        elif ph == 'X':
            slices.append(e)
        elif ph == 'C':
            counters.append((e['ts'], e['args'].get('waiting', 0)))
    tids = sorted(set(names) | {s['tid'] for s in slices})
    t0 = min([s['ts'] for s in slices] + [c[0] for c in counters] + [0]) if (slices or counters) else 0
    t1 = max([s['ts'] + s['dur'] for s in slices] + [c[0] for c in counters] + [t0 + 1])
    span = max(t1 - t0, 1e-9)
    scale = (WIDTH - LABEL - 10) / span

    def x(ts):
        return LABEL + (ts - t0) * scale

    out = []
    height = ROW * len(tids) + 120
    out.append('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">' % (WIDTH, height))
    for i, tid in enumerate(tids):
        y = 10 + i * ROW
        out.append('<text x="4" y="%d">%s</text>' % (y + 15, _esc(names.get(tid, 'thread %s' % tid))))
        out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#ddd"/>' % (LABEL, y + ROW - 2, WIDTH - 10, y + ROW - 2))
    rows = {tid: i for i, tid in enumerate(tids)}
    for s in slices:
        y = 10 + rows[s['tid']] * ROW
        w = max(s['dur'] * scale, 0.5)
        if s['name'] == 'waiting':
            colour, top, h = WAIT_COLOUR, y + 4, ROW - 10
        else:
            colour, top, h = COLOURS.get(s.get('args', {}).get('reason', 'end'), '#999'), y + 2, ROW - 6
        out.append('<rect x="%.2f" y="%d" width="%.2f" height="%d" fill="%s"><title>%s %.1f us</title></rect>'
                   % (x(s['ts']), top, w, h, colour, _esc(s['name']), s['dur']))
    # Waiting threads over time, as a step line under the rows.
    base = 10 + len(tids) * ROW + 60
    peak = max([c[1] for c in counters] + [1])
    pts, last = [], 0
    for ts, n in sorted(counters):
        pts.append('%.2f,%.2f' % (x(ts), base - last * 50 / peak))
        pts.append('%.2f,%.2f' % (x(ts), base - n * 50 / peak))
        last = n
    out.append('<text x="4" y="%d">waiting threads (max %d)</text>' % (base - 20, peak))
    if pts:
        out.append('<polyline fill="none" stroke="#c0392b" points="%s"/>' % ' '.join(pts))
    out.append('<text x="%d" y="%d">0 us</text><text x="%d" y="%d" text-anchor="end">%.0f us</text>'
               % (LABEL, base + 16, WIDTH - 10, base + 16, span))
    out.append('</svg>')
    timeline = '\n'.join(out)

    # Histograms of wait and hold durations per thread.
    hist_rows = []
    for tid in tids:
        for kind in ('waiting', 'holding'):
            counts = {}
            for s in slices:
                if s['tid'] == tid and s['name'] == kind:
                    b = _bucket(s['dur'])
                    counts[b] = counts.get(b, 0) + 1
            if not counts:
                continue
            top = max(counts.values())
            bars = []
            for i, b in enumerate(range(min(counts), max(counts) + 1)):
                n = counts.get(b, 0)
                h = 60 * n / top
                bars.append('<rect x="%d" y="%.1f" width="30" height="%.1f" fill="%s"><title>%d</title></rect>'
                            '<text x="%d" y="80" font-size="9">%s</text>'
                            % (10 + i * 34, 65 - h, h, '#4c9be8' if kind == 'holding' else '#e8684c', n,
                               10 + i * 34, _bucket_label(b)))
            hist_rows.append('<h3>%s: %s (%d slices)</h3><svg xmlns="http://www.w3.org/2000/svg" width="%d" height="90" font-family="sans-serif">%s</svg>'
                             % (_esc(names.get(tid, tid)), kind, sum(counts.values()), 20 + 34 * (max(counts) - min(counts) + 1), ''.join(bars)))
    legend = ' '.join('<span style="background:%s;padding:0 6px">&nbsp;</span> %s' % (c, r) for r, c in COLOURS.items())
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>GIL timeline</title></head>'
            '<body style="font-family:sans-serif"><h1>GIL timeline</h1>'
            '<p>Holding slices by how they ended: %s; <span style="background:%s;padding:0 6px">&nbsp;</span> waiting.</p>\n%s\n'
            '<h2>Wait and hold times (log2 buckets)</h2>\n%s\n</body></html>\n'
            % (legend, WAIT_COLOUR, timeline, '\n'.join(hist_rows)))


def main(argv):
    if not argv or argv[0] in ('-h', '--help'):
        print('usage: gild -m gil.report TRACE.json [-o REPORT.html]')
        return 0 if argv else 2
    out_path = 'gil-report.html'
    if '-o' in argv:
        i = argv.index('-o')
        if i + 1 >= len(argv):
            print('gil.report: -o needs a file name', file=sys.stderr)
            return 2
        out_path = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    data = load(argv[0])
    events = data['traceEvents'] if isinstance(data, dict) else data
    html = render(events)
    with open(out_path, 'w') as f:
        f.write(html)
    print('wrote %s (%d events)' % (out_path, len(events)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

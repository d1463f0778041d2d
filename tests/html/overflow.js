/* overflow.js — injected by tests/html/run.sh into a COPY of a rendered
 * motivering (the page itself has no scripts). After loading it lists every
 * element whose content is wider than its box (scrollWidth > clientWidth) or
 * that sticks out of the viewport, and a document wider than the viewport,
 * in a <pre id="overloop-verslag"> that `chromium --dump-dom` prints: a first
 * line with the begin marker and the widths, one line per offence, a last
 * line with the end marker (the markers are built from parts, so this file
 * itself never matches them). */
window.addEventListener('load', function () {
    var root = document.documentElement;
    var vw = root.clientWidth;
    var found = [];
    function describe(e) {
        var s = e.tagName.toLowerCase();
        if (e.id)
            s += '#' + e.id;
        if (typeof e.className === 'string' && e.className)
            s += '.' + e.className.split(/\s+/).join('.');
        var t = (e.textContent || '').replace(/\s+/g, ' ').trim();
        return s + ' "' + t.substring(0, 50) + '"';
    }
    if (root.scrollWidth > vw)
        found.push('document: scrollWidth ' + root.scrollWidth + ' > venster ' + vw);
    if (document.body.scrollWidth > document.body.clientWidth)
        found.push('body: scrollWidth ' + document.body.scrollWidth + ' > clientWidth ' +
                   document.body.clientWidth);
    var els = document.body.getElementsByTagName('*');
    var n = els.length;
    for (var i = 0; i < n; i++) {
        var e = els[i];
        if (e.clientWidth > 0 && e.scrollWidth > e.clientWidth)
            found.push(describe(e) + ': scrollWidth ' + e.scrollWidth + ' > clientWidth ' +
                       e.clientWidth);
        var r = e.getBoundingClientRect();
        if (r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5))
            found.push(describe(e) + ': buiten het venster (' + Math.round(r.left) + ' tot ' +
                       Math.round(r.right) + ', venster ' + vw + ')');
    }
    var pre = document.createElement('pre');
    pre.id = 'overloop-verslag';
    var mark = 'OVERLOOP';
    pre.textContent = mark + '-BEGIN venster=' + vw + ' document=' + root.scrollWidth +
                      ' elementen=' + n + '\n' + found.join('\n') + (found.length ? '\n' : '') +
                      mark + '-EINDE';
    document.body.appendChild(pre);
});

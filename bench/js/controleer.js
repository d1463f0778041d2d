// controleer.js — checks the json-rules-engine peer (inburgering.js): against the
// .verwacht.json files of a golden directory, or compares two JSON Lines files of
// outcomes key by key. Usage: node controleer.js MAP | node controleer.js A.jsonl B.jsonl
'use strict';

const fs = require('fs');
const path = require('path');

// JSON values equal as jansson's json_equal sees them (objects key by key).
function gelijk(a, b) {
    if (a === b) return true;
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    for (const k of ka)
        if (!Object.prototype.hasOwnProperty.call(b, k) || !gelijk(a[k], b[k])) return false;
    return true;
}

// The keys on which want and got differ, as Dutch lines.
function verschillen(want, got) {
    const uit = [];
    for (const k of Object.keys(want)) {
        if (!Object.prototype.hasOwnProperty.call(got, k))
            uit.push(`  ${k}: verwacht ${JSON.stringify(want[k])}, ontbreekt`);
        else if (!gelijk(want[k], got[k]))
            uit.push(
                `  ${k}: verwacht ${JSON.stringify(want[k])}, gekregen ${JSON.stringify(got[k])}`,
            );
    }
    for (const k of Object.keys(got))
        if (!Object.prototype.hasOwnProperty.call(want, k))
            uit.push(`  ${k}: onverwachte uitkomst`);
    return uit;
}

function leesJsonl(bestand) {
    return fs
        .readFileSync(bestand, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l, i) => {
            try {
                return JSON.parse(l);
            } catch (e) {
                throw new Error(`${bestand}:${i + 1}: ongeldige JSON (${e.message})`);
            }
        });
}

async function controleerMap(map) {
    const { maakEngine, beslis } = require('./inburgering.js');
    const engine = maakEngine();
    const namen = fs
        .readdirSync(map)
        .filter((n) => n.endsWith('.verwacht.json'))
        .sort();
    let fout = 0;
    for (const n of namen) {
        const geval = path.join(map, n.replace(/\.verwacht\.json$/, '.json'));
        const want = JSON.parse(fs.readFileSync(path.join(map, n), 'utf8'));
        const got = await beslis(engine, JSON.parse(fs.readFileSync(geval, 'utf8')));
        const v = verschillen(want, got);
        if (v.length) {
            fout++;
            process.stdout.write(`VERSCHIL ${geval}\n${v.join('\n')}\n`);
        }
    }
    process.stdout.write(`${namen.length - fout} passed, ${fout} failed\n`);
    return fout === 0;
}

function vergelijkBestanden(a, b) {
    const la = leesJsonl(a);
    const lb = leesJsonl(b);
    if (la.length !== lb.length) {
        process.stdout.write(`${a}: ${la.length} regels, ${b}: ${lb.length} regels\n`);
        return false;
    }
    for (let i = 0; i < la.length; i++) {
        const v = verschillen(la[i], lb[i]);
        if (v.length) {
            process.stdout.write(`regel ${i + 1} verschilt:\n${v.join('\n')}\n`);
            return false;
        }
    }
    process.stdout.write(`${la.length} regels gelijk\n`);
    return true;
}

async function main(args) {
    let ok;
    if (args.length === 1) ok = await controleerMap(args[0]);
    else if (args.length === 2) ok = vergelijkBestanden(args[0], args[1]);
    else {
        process.stderr.write(
            'gebruik: node controleer.js MAP | node controleer.js A.jsonl B.jsonl\n',
        );
        process.exit(2);
    }
    process.exit(ok ? 0 : 1);
}

main(process.argv.slice(2)).catch((e) => {
    process.stderr.write('controleer.js: ' + e.message + '\n');
    process.exit(2);
});

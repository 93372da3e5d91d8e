// A small in-memory items API on 127.0.0.1 for bench/runner.sh: both runners call the same endpoint.
// POST /items -> 201 {id, name}; GET /items/ID -> 200 or 404; PUT /items/ID -> 200; DELETE /items/ID -> 204.
'use strict';
const http = require('http');
const items = new Map();
let next = 1;

function reply(res, status, body) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  let data = '';
  req.on('data', chunk => { data += chunk; });
  req.on('end', () => {
    const match = /^\/items(?:\/([^/?]+))?/.exec(req.url);
    if (!match) return reply(res, 404, { message: 'no route' });
    const id = match[1];
    const body = data ? JSON.parse(data) : {};
    if (req.method === 'POST' && !id) {
      const item = { id: 'i-' + next++, name: body.name };
      items.set(item.id, item);
      return reply(res, 201, item);
    }
    const item = items.get(id);
    if (!item) return reply(res, 404, { message: 'item ' + id + ' not found' });
    if (req.method === 'GET') return reply(res, 200, item);
    if (req.method === 'PUT') { item.name = body.name; return reply(res, 200, item); }
    if (req.method === 'DELETE') { items.delete(id); res.writeHead(204); return res.end(); }
    return reply(res, 405, { message: 'method not allowed' });
  });
});

server.keepAliveTimeout = 30000;
server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  console.log('http://127.0.0.1:' + server.address().port);
});

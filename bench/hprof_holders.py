#!/usr/bin/env python3
"""Who holds the strings and arrays of a heap dump (bench/heap.sh HEAP_DUMP=1).

Usage: bench/hprof_holders.py NODE.hprof [TOP]

A class histogram says how many Strings and byte arrays there are, not whose they are. This reads
an HPROF heap dump and attributes every String (with its byte array), every byte array that no
String holds, and every object of a given class to the chain of classes that refer to it (holder
and the holder's holder), then prints the chains by bytes. An object referred to from several
places is counted once, under the first holder met in the dump.
"""
import re
import struct
import sys
from collections import Counter

# Inner parts of collections and arrays: an object held by one is attributed to the collection's owner.
CONTAINER = re.compile(r'\$Node$|\$Entry$|HashEntry$|\[\]$|^\[|ImmutableCollections|^java\.util\.[A-Za-z]*(Map|List|Set)$'
                       r'|^java\.util\.concurrent\.Concurrent[A-Za-z]*$|ConcurrentReferenceHashMap$|SampleableConcurrentHashMap'
                       r'|HeapData$|^java\.lang\.Object\[\]$|\$Segment$')
BASIC = {2: 0, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}   # type -> size; 0 = an id


def read_records(path):
    with open(path, 'rb') as f:
        data = f.read()
    end = data.index(b'\0')
    id_size = struct.unpack_from('>I', data, end + 1)[0]
    pos = end + 1 + 4 + 8
    while pos < len(data):
        tag, _, length = struct.unpack_from('>BII', data, pos)
        pos += 9
        yield tag, data, pos, length, id_size
        pos += length


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    names, class_name = {}, {}
    supers, fields = {}, {}
    segments = []
    for tag, data, pos, length, ids in read_records(path):
        fmt = '>Q' if ids == 8 else '>I'
        if tag == 0x01:
            names[struct.unpack_from(fmt, data, pos)[0]] = data[pos + ids:pos + length].decode('utf-8', 'replace')
        elif tag == 0x02:
            cid = struct.unpack_from(fmt, data, pos + 4)[0]
            nid = struct.unpack_from(fmt, data, pos + 8 + ids)[0]
            class_name[cid] = nid
        elif tag in (0x0C, 0x1C):
            segments.append((data, pos, pos + length, ids))
    class_name = {c: names.get(n, '?').replace('/', '.') for c, n in class_name.items()}

    # Pass 1: class layouts.
    for data, pos, end, ids in segments:
        fmt = '>Q' if ids == 8 else '>I'
        p = pos
        while p < end:
            sub = data[p]; p += 1
            if sub == 0x20:
                p = class_dump(data, p, ids, supers, fields)
            else:
                p = skip_sub(sub, data, p, ids)

    layout = {}
    id_size = segments[0][3] if segments else 8

    def offsets(cid):
        if cid in layout:
            return layout[cid]
        out, off, c = [], 0, cid
        while c in fields:
            for t in fields[c]:
                if t == 2:
                    out.append(off)
                off += id_size if t == 2 else BASIC[t]
            c = supers.get(c, 0)
        layout[cid] = out
        return out

    # Pass 2: objects, their class, size and the first holder of each.
    kind, size, holder = {}, {}, {}
    for data, pos, end, ids in segments:
        fmt = '>Q' if ids == 8 else '>I'
        p = pos
        while p < end:
            sub = data[p]; p += 1
            if sub == 0x21:
                oid = struct.unpack_from(fmt, data, p)[0]
                cid = struct.unpack_from(fmt, data, p + ids + 4)[0]
                nbytes = struct.unpack_from('>I', data, p + 2 * ids + 4)[0]
                body = p + 2 * ids + 8
                kind[oid] = cid
                size[oid] = align(12 + nbytes)
                for off in offsets(cid):
                    ref = struct.unpack_from(fmt, data, body + off)[0]
                    if ref and ref not in holder:
                        holder[ref] = oid
                p = body + nbytes
            elif sub == 0x22:
                oid = struct.unpack_from(fmt, data, p)[0]
                n = struct.unpack_from('>I', data, p + ids + 4)[0]
                acid = struct.unpack_from(fmt, data, p + ids + 8)[0]
                kind[oid] = acid
                size[oid] = align(16 + 4 * n)
                q = p + 2 * ids + 8
                for k in range(n):
                    ref = struct.unpack_from(fmt, data, q + k * ids)[0]
                    if ref and ref not in holder:
                        holder[ref] = oid
                p = q + n * ids
            elif sub == 0x23:
                oid = struct.unpack_from(fmt, data, p)[0]
                n = struct.unpack_from('>I', data, p + ids + 4)[0]
                t = data[p + ids + 8]
                kind[oid] = ('prim', t)
                size[oid] = align(16 + n * BASIC[t])
                p += ids + 9 + n * BASIC[t]
            elif sub == 0x20:
                p = class_dump(data, p, ids, {}, {})
            else:
                p = skip_sub(sub, data, p, ids)

    def name(oid):
        k = kind.get(oid)
        if k is None:
            return '(root/unknown)'
        if isinstance(k, tuple):
            return {8: 'byte[]', 5: 'char[]', 10: 'int[]', 11: 'long[]'}.get(k[1], 'prim[]')
        return class_name.get(k, '?')

    def owner(oid):
        """The first holder up the chain that is not a collection's inner part or an array."""
        seen = 0
        h = holder.get(oid)
        while h is not None and seen < 12 and CONTAINER.search(name(h)):
            h = holder.get(h)
            seen += 1
        return name(h) if h is not None else '(root/static)'

    by_chain, counts = Counter(), Counter()
    for oid, k in kind.items():
        n = name(oid)
        if n == 'java.lang.String':
            h = holder.get(oid)
            chain = f"String <- {name(h)} ... {owner(oid)}"
            by_chain[chain] += size[oid]
            counts[chain] += 1
        elif n == 'byte[]':
            h = holder.get(oid)
            if name(h) == 'java.lang.String':
                chain = f"String <- {name(holder.get(h))} ... {owner(h)}"
            else:
                chain = f"byte[] <- {name(h)} ... {owner(h)}"
                counts[chain] += 1
            by_chain[chain] += size[oid]
    print(f"{'bytes':>12} {'objects':>9}  holder chain (a String's bytes include its array)")
    for chain, b in by_chain.most_common(top):
        print(f"{b:12d} {counts[chain]:9d}  {chain}")


def class_dump(data, p, ids, supers, fields):
    """Reads a CLASS DUMP sub-record into supers and fields (its instance field types); returns its end."""
    fmt = '>Q' if ids == 8 else '>I'
    cid = struct.unpack_from(fmt, data, p)[0]
    sup = struct.unpack_from(fmt, data, p + ids + 4)[0]
    p += ids + 4 + ids * 6 + 4
    n = struct.unpack_from('>H', data, p)[0]; p += 2
    for _ in range(n):
        t = data[p + 2]; p += 3 + (ids if t == 2 else BASIC[t])
    n = struct.unpack_from('>H', data, p)[0]; p += 2
    for _ in range(n):
        t = data[p + ids]; p += ids + 1 + (ids if t == 2 else BASIC[t])
    n = struct.unpack_from('>H', data, p)[0]; p += 2
    fl = []
    for _ in range(n):
        fl.append(data[p + ids]); p += ids + 1
    supers[cid] = sup
    fields[cid] = fl
    return p


def align(n):
    return (n + 7) // 8 * 8


def skip_sub(sub, data, p, ids):
    fixed = {0xFF: ids, 0x01: 2 * ids, 0x02: ids + 8, 0x03: ids + 8, 0x04: ids + 4, 0x05: ids,
             0x06: ids + 4, 0x07: ids, 0x08: ids + 8, 0x89: ids, 0x8A: ids, 0x8B: ids, 0x8C: ids,
             0x8D: ids, 0x8E: ids + 8, 0xFE: 4 + ids}
    if sub in fixed:
        return p + fixed[sub]
    if sub == 0x21:
        return p + 2 * ids + 8 + struct.unpack_from('>I', data, p + 2 * ids + 4)[0]
    if sub == 0x22:
        return p + 2 * ids + 8 + ids * struct.unpack_from('>I', data, p + ids + 4)[0]
    if sub == 0x23:
        return p + ids + 9 + BASIC[data[p + ids + 8]] * struct.unpack_from('>I', data, p + ids + 4)[0]
    if sub == 0x20:
        raise ValueError('class dump met in the wrong pass')
    raise ValueError(f'unknown heap dump sub-record 0x{sub:02x} at {p}')


if __name__ == '__main__':
    main()

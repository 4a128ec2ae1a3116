package io.github.fiffkit.app.dump;

import io.github.fiffkit.app.dump.Json.ObjectWriter;
import io.github.fiffkit.core.ChannelInfo;
import io.github.fiffkit.core.ChannelPosition;
import io.github.fiffkit.core.CoordTrans;
import io.github.fiffkit.core.DataRef;
import io.github.fiffkit.core.DenseMatrix;
import io.github.fiffkit.core.DigPoint;
import io.github.fiffkit.core.DigString;
import io.github.fiffkit.core.DirEntry;
import io.github.fiffkit.core.FiffFormatException;
import io.github.fiffkit.core.FiffId;
import io.github.fiffkit.core.FiffKind;
import io.github.fiffkit.core.FiffTime;
import io.github.fiffkit.core.FiffType;
import io.github.fiffkit.core.Julian;
import io.github.fiffkit.core.SparseMatrix;
import io.github.fiffkit.core.TagData;
import io.github.fiffkit.core.TagHeader;
import java.util.List;

/**
 * One tag as one line of JSON, the format of {@code fiff-dump --json}.
 *
 * <p>Members: {@code pos}, {@code kind}, {@code kindName}, {@code type} (unsigned), {@code typeName},
 * {@code size}, {@code next}, {@code block} (kind numbers, outermost first); for a tag whose data was read,
 * {@code value} as JSON (strings, numbers; arrays when a tag holds more than one value; objects for structs,
 * IDs as {@code {version, machid:[a,b], secs, usecs}}; {@code null} for no data), {@code date} for a Julian day
 * or a measurement date, {@code data} (hexadecimal) for data of an unknown type, or {@code valueError} when the
 * data does not fit its type.
 */
final class TagJson {
    private TagJson() {
    }

    /**
     * Renders a tag.
     *
     * @param tag   the header
     * @param block the block path, outermost first (for a block start or end: ending with that block)
     * @param data  the data, or {@code null} when it was not read
     * @return one line of JSON, without the line end
     */
    static String line(TagHeader tag, int[] block, byte[] data) {
        StringBuilder sb = new StringBuilder(128);
        ObjectWriter o = new ObjectWriter(sb);
        o.put("pos", tag.position());
        o.put("kind", tag.kind());
        o.put("kindName", FiffKind.name(tag.kind()).orElse(null));
        o.put("type", tag.unsignedType());
        o.put("typeName", FiffType.name(tag.type()).orElse(null));
        o.put("size", tag.size());
        o.put("next", tag.next());
        StringBuilder b = o.key("block").append('[');
        for (int i = 0; i < block.length; i++) {
            b.append(i == 0 ? "" : ",").append(block[i]);
        }
        b.append(']');
        if (data != null) {
            value(o, tag, data);
        }
        o.end();
        return sb.toString();
    }

    private static void value(ObjectWriter o, TagHeader tag, byte[] data) {
        Object v;
        try {
            v = TagData.decode(tag.type(), data);
        } catch (FiffFormatException | RuntimeException e) {
            o.put("valueError", e instanceof FiffFormatException f ? f.detail() : e.getMessage());
            return;
        }
        if (v instanceof byte[] raw && tag.type() != FiffType.BYTE) {
            o.put("data", hex(raw)); // a type this reader does not know: the bytes as they are
            return;
        }
        write(o.key("value"), tag.type(), v, true);
        if (tag.type() == FiffType.JULIAN && v instanceof int[] jd && jd.length == 1) {
            o.put("date", Julian.toLocalDate(jd[0]).toString());
        } else if (tag.kind() == FiffKind.MEAS_DATE && tag.type() == FiffType.INT && v instanceof int[] t
                && t.length == 2) {
            o.put("date", new FiffTime(t[0], t[1]).toString());
        }
    }

    private static String hex(byte[] raw) {
        StringBuilder sb = new StringBuilder(raw.length * 2);
        for (byte x : raw) {
            sb.append(Character.forDigit(x >> 4 & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return sb.toString();
    }

    /**
     * Writes a decoded value.
     *
     * @param sb     the destination
     * @param type   the tag's data type
     * @param v      the value {@link TagData#decode(int, byte[])} gave
     * @param scalar whether a single element is written as itself rather than as a one-element array
     */
    private static void write(StringBuilder sb, int type, Object v, boolean scalar) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            Json.string(sb, s);
        } else if (v instanceof int[] a) {
            open(sb, a.length, scalar);
            for (int i = 0; i < a.length; i++) {
                sb.append(i == 0 ? "" : ",").append(a[i]);
            }
            close(sb, a.length, scalar);
        } else if (v instanceof long[] a) {
            boolean unsigned = FiffType.baseType(type) == FiffType.ULONG;
            open(sb, a.length, scalar);
            for (int i = 0; i < a.length; i++) {
                sb.append(i == 0 ? "" : ",").append(unsigned ? Long.toUnsignedString(a[i]) : Long.toString(a[i]));
            }
            close(sb, a.length, scalar);
        } else if (v instanceof short[] a) {
            open(sb, a.length, scalar);
            for (int i = 0; i < a.length; i++) {
                sb.append(i == 0 ? "" : ",").append(a[i]);
            }
            close(sb, a.length, scalar);
        } else if (v instanceof byte[] a) {
            open(sb, a.length, scalar);
            for (int i = 0; i < a.length; i++) {
                sb.append(i == 0 ? "" : ",").append(a[i] & 0xFF); // FIFFT_BYTE is unsigned
            }
            close(sb, a.length, scalar);
        } else if (v instanceof float[] a) {
            floats(sb, a, scalar);
        } else if (v instanceof double[] a) {
            open(sb, a.length, scalar);
            for (int i = 0; i < a.length; i++) {
                Json.number(sb.append(i == 0 ? "" : ","), a[i]);
            }
            close(sb, a.length, scalar);
        } else if (v instanceof List<?> list) {
            open(sb, list.size(), scalar);
            for (int i = 0; i < list.size(); i++) {
                struct(sb.append(i == 0 ? "" : ","), list.get(i));
            }
            close(sb, list.size(), scalar);
        } else if (v instanceof DenseMatrix m) {
            ObjectWriter o = new ObjectWriter(sb);
            write(o.key("dims"), FiffType.INT, m.dims(), false);
            elements(o.key("data"), m.type(), m.data());
            o.end();
        } else if (v instanceof SparseMatrix m) {
            ObjectWriter o = new ObjectWriter(sb);
            o.put("rows", m.rows()).put("columns", m.columns());
            elements(o.key("values"), m.type(), m.values());
            write(o.key("indices"), FiffType.INT, m.indices(), false);
            write(o.key("pointers"), FiffType.INT, m.pointers(), false);
            o.end();
        } else {
            Json.string(sb, v.toString());
        }
    }

    private static void open(StringBuilder sb, int length, boolean scalar) {
        if (!(scalar && length == 1)) {
            sb.append('[');
        }
    }

    private static void close(StringBuilder sb, int length, boolean scalar) {
        if (!(scalar && length == 1)) {
            sb.append(']');
        }
    }

    private static void floats(StringBuilder sb, float[] a, boolean scalar) {
        open(sb, a.length, scalar);
        for (int i = 0; i < a.length; i++) {
            Json.number(sb.append(i == 0 ? "" : ","), a[i]);
        }
        close(sb, a.length, scalar);
    }

    /** The elements of a matrix, always as a flat array in the order of the file. */
    private static void elements(StringBuilder sb, int matrixType, byte[] bytes) {
        int base = FiffType.baseType(matrixType);
        try {
            write(sb, base, TagData.decode(base, bytes), false);
        } catch (FiffFormatException e) {
            Json.string(sb, hex(bytes));
        }
    }

    private static void struct(StringBuilder sb, Object s) {
        ObjectWriter o = new ObjectWriter(sb);
        if (s instanceof FiffId id) {
            o.put("version", id.version());
            o.key("machid").append('[').append(id.machine0()).append(',').append(id.machine1()).append(']');
            o.put("secs", id.time().seconds()).put("usecs", id.time().microseconds());
        } else if (s instanceof DirEntry e) {
            o.put("kind", e.kind()).put("type", Integer.toUnsignedLong(e.type())).put("size", e.size())
                    .put("pos", e.position());
        } else if (s instanceof DigPoint p) {
            o.put("kind", p.kind()).put("ident", p.ident());
            floats(o.key("r"), p.r(), false);
        } else if (s instanceof ChannelInfo c) {
            o.put("scanNo", c.scanNo()).put("logNo", c.logNo()).put("kind", c.kind());
            Json.number(o.key("range"), c.range());
            Json.number(o.key("cal"), c.cal());
            o.put("coilType", c.coilType());
            floats(o.key("loc"), c.loc(), false);
            o.put("unit", c.unit()).put("unitMul", c.unitMul()).put("name", c.name());
        } else if (s instanceof ChannelPosition p) {
            o.put("coilType", p.coilType());
            floats(o.key("r0"), p.r0(), false);
            floats(o.key("ex"), p.ex(), false);
            floats(o.key("ey"), p.ey(), false);
            floats(o.key("ez"), p.ez(), false);
        } else if (s instanceof CoordTrans t) {
            o.put("from", t.from()).put("to", t.to());
            floats(o.key("rot"), t.rot(), false);
            floats(o.key("move"), t.move(), false);
            floats(o.key("invRot"), t.invRot(), false);
            floats(o.key("invMove"), t.invMove(), false);
        } else if (s instanceof DataRef r) {
            o.put("type", Integer.toUnsignedLong(r.type())).put("endian", r.endian()).put("size", r.size())
                    .put("offset", r.offset());
        } else if (s instanceof DigString d) {
            o.put("kind", d.kind()).put("ident", d.ident());
            floats(o.key("points"), d.points(), false);
        } else {
            o.put("text", String.valueOf(s));
        }
        o.end();
    }
}

package io.github.fiffkit.app.dump;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
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
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes tags as JSON Lines, the format of {@code fiff-dump --json}: one object per tag, each on a line of its own.
 *
 * <p>Members, in this order: {@code file} (only when a file name is given: a dump of several files),
 * {@code pos}, {@code kind}, {@code kindName}, {@code type} (unsigned), {@code typeName}, {@code size},
 * {@code next}, {@code block} (kind numbers, outermost first); for a tag whose data was read, {@code value} as JSON
 * (strings, numbers; arrays when a tag holds more than one value; objects for structs, IDs as
 * {@code {version, machid:[a,b], secs, usecs}}; {@code null} for no data), {@code date} for a Julian day or a
 * measurement date, {@code data} (hexadecimal) for data of an unknown type, or {@code valueError} when the data
 * does not fit its type.
 *
 * <p>The text is pure ASCII, so that it reads the same in any terminal encoding: every character outside printable
 * ASCII (controls, DEL and all of non-ASCII) is a {@code \}{@code uXXXX} escape with lower-case hexadecimal
 * digits, except the short escapes {@code \b \t \n \f \r}; characters outside the Basic Multilingual Plane are two
 * escapes (a surrogate pair). Floats are written as {@link Float#toString(float)} writes them, not widened to
 * double, and doubles as {@link Double#toString(double)} does; JSON has no NaN or infinities, so those are the
 * strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
 *
 * <p>Jackson's streaming generator writes the text. Lines end as {@link java.io.PrintWriter#println()} ends
 * them, with {@link System#lineSeparator()}.
 */
final class TagJson implements Closeable {
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .disable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER) // Float.toString's digits, as the format always had
            .characterEscapes(new AsciiEscapes())
            .rootValueSeparator((String) null) // each object ends its own line instead
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET) // the caller owns the writer
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM) // and decides when it goes to the system
            .build();
    private static final String LINE_END = System.lineSeparator();

    private final JsonGenerator gen;

    /**
     * Starts writing.
     *
     * @param out where the lines go; not closed by {@link #close()}
     * @throws IOException when the generator cannot be made
     */
    TagJson(Writer out) throws IOException {
        this.gen = FACTORY.createGenerator(out);
    }

    /**
     * Writes one tag as one line and hands the line to the writer (without flushing the writer).
     *
     * @param file  the file name the object starts with, as {@code file}, or {@code null} for none
     * @param tag   the header
     * @param block the block path, outermost first (for a block start or end: ending with that block)
     * @param data  the data, or {@code null} when it was not read
     * @throws IOException when the writer fails
     */
    void write(String file, TagHeader tag, int[] block, byte[] data) throws IOException {
        gen.writeStartObject();
        if (file != null) {
            gen.writeStringField("file", file);
        }
        gen.writeNumberField("pos", tag.position());
        gen.writeNumberField("kind", tag.kind());
        gen.writeStringField("kindName", FiffKind.name(tag.kind()).orElse(null));
        gen.writeNumberField("type", tag.unsignedType());
        gen.writeStringField("typeName", FiffType.name(tag.type()).orElse(null));
        gen.writeNumberField("size", tag.size());
        gen.writeNumberField("next", tag.next());
        gen.writeFieldName("block");
        gen.writeArray(block, 0, block.length);
        if (data != null) {
            value(tag, data);
        }
        gen.writeEndObject();
        gen.writeRaw(LINE_END);
        gen.flush();
    }

    /** Releases the generator's buffers; the writer stays open. */
    @Override
    public void close() throws IOException {
        gen.close();
    }

    private void value(TagHeader tag, byte[] data) throws IOException {
        Object v;
        try {
            v = TagData.decode(tag.type(), data);
        } catch (FiffFormatException | RuntimeException e) {
            gen.writeStringField("valueError", e instanceof FiffFormatException f ? f.detail() : e.getMessage());
            return;
        }
        if (v instanceof byte[] raw && tag.type() != FiffType.BYTE) {
            gen.writeStringField("data", hex(raw)); // a type this reader does not know: the bytes as they are
            return;
        }
        gen.writeFieldName("value");
        write(tag.type(), v, true);
        if (tag.type() == FiffType.JULIAN && v instanceof int[] jd && jd.length == 1) {
            gen.writeStringField("date", Julian.toLocalDate(jd[0]).toString());
        } else if (tag.kind() == FiffKind.MEAS_DATE && tag.type() == FiffType.INT && v instanceof int[] t
                && t.length == 2) {
            gen.writeStringField("date", new FiffTime(t[0], t[1]).toString());
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
     * @param type   the tag's data type
     * @param v      the value {@link TagData#decode(int, byte[])} gave
     * @param scalar whether a single element is written as itself rather than as a one-element array
     */
    private void write(int type, Object v, boolean scalar) throws IOException {
        if (v == null) {
            gen.writeNull();
        } else if (v instanceof String s) {
            gen.writeString(s);
        } else if (v instanceof int[] a) {
            open(a.length, scalar);
            for (int x : a) {
                gen.writeNumber(x);
            }
            close(a.length, scalar);
        } else if (v instanceof long[] a) {
            boolean unsigned = FiffType.baseType(type) == FiffType.ULONG;
            open(a.length, scalar);
            for (long x : a) {
                if (unsigned && x < 0) {
                    gen.writeNumber(Long.toUnsignedString(x)); // digits written as they are
                } else {
                    gen.writeNumber(x);
                }
            }
            close(a.length, scalar);
        } else if (v instanceof short[] a) {
            open(a.length, scalar);
            for (short x : a) {
                gen.writeNumber(x);
            }
            close(a.length, scalar);
        } else if (v instanceof byte[] a) {
            open(a.length, scalar);
            for (byte x : a) {
                gen.writeNumber(x & 0xFF); // FIFFT_BYTE is unsigned
            }
            close(a.length, scalar);
        } else if (v instanceof float[] a) {
            floats(a, scalar);
        } else if (v instanceof double[] a) {
            open(a.length, scalar);
            for (double x : a) {
                gen.writeNumber(x);
            }
            close(a.length, scalar);
        } else if (v instanceof List<?> list) {
            open(list.size(), scalar);
            for (Object s : list) {
                struct(s);
            }
            close(list.size(), scalar);
        } else if (v instanceof DenseMatrix m) {
            gen.writeStartObject();
            gen.writeFieldName("dims");
            write(FiffType.INT, m.dims(), false);
            gen.writeFieldName("data");
            elements(m.type(), m.data());
            gen.writeEndObject();
        } else if (v instanceof SparseMatrix m) {
            gen.writeStartObject();
            gen.writeNumberField("rows", m.rows());
            gen.writeNumberField("columns", m.columns());
            gen.writeFieldName("values");
            elements(m.type(), m.values());
            gen.writeFieldName("indices");
            write(FiffType.INT, m.indices(), false);
            gen.writeFieldName("pointers");
            write(FiffType.INT, m.pointers(), false);
            gen.writeEndObject();
        } else {
            gen.writeString(v.toString());
        }
    }

    private void open(int length, boolean scalar) throws IOException {
        if (!(scalar && length == 1)) {
            gen.writeStartArray();
        }
    }

    private void close(int length, boolean scalar) throws IOException {
        if (!(scalar && length == 1)) {
            gen.writeEndArray();
        }
    }

    private void floats(float[] a, boolean scalar) throws IOException {
        open(a.length, scalar);
        for (float x : a) {
            gen.writeNumber(x); // not widened to double, which would print 0.1f as 0.10000000149011612
        }
        close(a.length, scalar);
    }

    private void floatsField(String name, float[] a) throws IOException {
        gen.writeFieldName(name);
        floats(a, false);
    }

    /** The elements of a matrix, always as a flat array in the order of the file. */
    private void elements(int matrixType, byte[] bytes) throws IOException {
        int base = FiffType.baseType(matrixType);
        Object decoded;
        try {
            decoded = TagData.decode(base, bytes);
        } catch (FiffFormatException e) {
            gen.writeString(hex(bytes));
            return;
        }
        write(base, decoded, false);
    }

    private void struct(Object s) throws IOException {
        gen.writeStartObject();
        if (s instanceof FiffId id) {
            gen.writeNumberField("version", id.version());
            gen.writeFieldName("machid");
            gen.writeArray(new int[] {id.machine0(), id.machine1()}, 0, 2);
            gen.writeNumberField("secs", id.time().seconds());
            gen.writeNumberField("usecs", id.time().microseconds());
        } else if (s instanceof DirEntry e) {
            gen.writeNumberField("kind", e.kind());
            gen.writeNumberField("type", Integer.toUnsignedLong(e.type()));
            gen.writeNumberField("size", e.size());
            gen.writeNumberField("pos", e.position());
        } else if (s instanceof DigPoint p) {
            gen.writeNumberField("kind", p.kind());
            gen.writeNumberField("ident", p.ident());
            floatsField("r", p.r());
        } else if (s instanceof ChannelInfo c) {
            gen.writeNumberField("scanNo", c.scanNo());
            gen.writeNumberField("logNo", c.logNo());
            gen.writeNumberField("kind", c.kind());
            gen.writeNumberField("range", c.range());
            gen.writeNumberField("cal", c.cal());
            gen.writeNumberField("coilType", c.coilType());
            floatsField("loc", c.loc());
            gen.writeNumberField("unit", c.unit());
            gen.writeNumberField("unitMul", c.unitMul());
            gen.writeStringField("name", c.name());
        } else if (s instanceof ChannelPosition p) {
            gen.writeNumberField("coilType", p.coilType());
            floatsField("r0", p.r0());
            floatsField("ex", p.ex());
            floatsField("ey", p.ey());
            floatsField("ez", p.ez());
        } else if (s instanceof CoordTrans t) {
            gen.writeNumberField("from", t.from());
            gen.writeNumberField("to", t.to());
            floatsField("rot", t.rot());
            floatsField("move", t.move());
            floatsField("invRot", t.invRot());
            floatsField("invMove", t.invMove());
        } else if (s instanceof DataRef r) {
            gen.writeNumberField("type", Integer.toUnsignedLong(r.type()));
            gen.writeNumberField("endian", r.endian());
            gen.writeNumberField("size", r.size());
            gen.writeNumberField("offset", r.offset());
        } else if (s instanceof DigString d) {
            gen.writeNumberField("kind", d.kind());
            gen.writeNumberField("ident", d.ident());
            floatsField("points", d.points());
        } else {
            gen.writeStringField("text", String.valueOf(s));
        }
        gen.writeEndObject();
    }

    /**
     * Jackson's standard JSON escapes plus DEL (0x7F), which is ASCII but no printable character. Everything above
     * ASCII is escaped by {@link JsonWriteFeature#ESCAPE_NON_ASCII}.
     */
    private static final class AsciiEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii;

        AsciiEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null; // only standard escapes
        }
    }
}

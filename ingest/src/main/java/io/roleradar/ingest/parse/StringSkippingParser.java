package io.roleradar.ingest.parse;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;

import java.io.IOException;

/**
 * Jackson's UTF-8 parser over a byte array, with one addition: the caller may read a string value
 * from the bytes itself and move the parser past it, which the public API cannot do (a string is
 * decoded, or skipped by scanning it again). {@link AshbyBoardReader} reads each description's
 * HTML straight from the bytes ({@link io.roleradar.ingest.text.HtmlText#ofJsonString}), which
 * finds the closing quote anyway; the parser's own skip of the same bytes was a fifth of
 * extraction time.
 *
 * <p>It uses the parser's protected state ({@code _inputPtr}, {@code _tokenIncomplete}), as
 * subclasses may; a test over the real boards checks that the tokens after a skipped string are
 * the ones Jackson reads without the skip.
 */
final class StringSkippingParser extends UTF8StreamJsonParser {
    private StringSkippingParser(IOContext context, int features, JsonFactory factory, byte[] data, int start, int end) {
        super(context, features, null, factory.getCodec(), ((Factory) factory).symbols(), data, start, end, 0, false);
    }

    /** A parser of {@code data}, this kind when the factory makes one for it (plain UTF-8), else Jackson's own. */
    static JsonParser over(byte[] data) throws IOException {
        return FACTORY.createParser(data);
    }

    /**
     * The index in {@link #bytes()} of the first content byte of the current token, a string the
     * parser has not read yet; -1 when the current token is not such a string.
     */
    int undecodedStringStart() {
        return _currToken == JsonToken.VALUE_STRING && _tokenIncomplete && _inputEnd == _inputBuffer.length ? _inputPtr : -1;
    }

    /** The document's bytes. */
    byte[] bytes() {
        return _inputBuffer;
    }

    /**
     * Moves past the current string, not read yet, whose closing quote is at {@code closingQuote}
     * (as the caller found it reading the string from {@link #undecodedStringStart()}): the next
     * token is read from the byte after it, as if the parser had skipped the string itself.
     */
    void skipStringEndingAt(int closingQuote) {
        int start = undecodedStringStart();
        if (start < 0 || closingQuote < start || closingQuote >= _inputEnd || _inputBuffer[closingQuote] != '"') {
            throw new IllegalStateException("no unread string ends at " + closingQuote);
        }
        _inputPtr = closingQuote + 1;
        _tokenIncomplete = false;
    }

    private static final Factory FACTORY = new Factory();

    /** Jackson's default factory, making a {@link StringSkippingParser} for byte arrays of plain UTF-8 (no byte-order mark). */
    private static final class Factory extends JsonFactory {
        private static final long serialVersionUID = 1L;

        com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer symbols() {
            return _byteSymbolCanonicalizer.makeChild(_factoryFeatures);
        }

        @Override
        protected JsonParser _createParser(byte[] data, int offset, int len, IOContext context) throws IOException {
            // What Jackson's bootstrapper decides for such input: UTF-8, names canonicalised.
            boolean plainUtf8 = len >= 4 && data[offset] != 0 && data[offset + 1] != 0 && data[offset + 2] != 0
                    && data[offset + 3] != 0 && (data[offset] & 0xFF) != 0xEF && (data[offset] & 0xFF) < 0xFE;
            if (!plainUtf8 || !JsonFactory.Feature.CANONICALIZE_FIELD_NAMES.enabledIn(_factoryFeatures)) {
                return super._createParser(data, offset, len, context);
            }
            context.setEncoding(JsonEncoding.UTF8);
            return new StringSkippingParser(context, _parserFeatures, this, data, offset, offset + len);
        }
    }
}

package io.roleradar.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What an input is, from its first bytes: the one place classify and reporter run ask. */
class InputKindTest {
    private static InputKind notText(int... bytes) {
        byte[] head = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            head[i] = (byte) bytes[i];
        }
        return InputKind.notText(head, head.length);
    }

    @Test
    void compressedFilesArchivesDocumentsAndUtf16AreKnownByTheirFirstBytesWithTheirUnpacker() {
        assertThat(notText(0x1f, 0x8b, 8, 0)).isEqualTo(InputKind.GZIP);
        assertThat(InputKind.GZIP.unpack()).isEqualTo("gunzip -c");
        assertThat(notText('P', 'K', 3, 4, 20)).isEqualTo(InputKind.ZIP);
        assertThat(notText('B', 'Z', 'h', '9')).isEqualTo(InputKind.BZIP2);
        assertThat(notText(0xfd, '7', 'z', 'X', 'Z', 0, 0)).isEqualTo(InputKind.XZ);
        assertThat(notText(0x28, 0xb5, 0x2f, 0xfd, 0)).isEqualTo(InputKind.ZSTD);
        assertThat(notText(0xff, 0xfe, '{', 0)).isEqualTo(InputKind.UTF16);
        assertThat(notText('%', 'P', 'D', 'F', '-')).isEqualTo(InputKind.PDF);
        assertThat(notText('S', 'S', 'T', 0, 1)).isEqualTo(InputKind.BINARY);
        assertThat(InputKind.PDF.notText()).isTrue();
    }

    @Test
    void textIsNotRefusedForItsBytes() {
        byte[] line = "{\"id\":\"x\",\"title\":\"ML Engineer caf\u00e9\"}\n".getBytes(StandardCharsets.UTF_8);
        assertThat(InputKind.notText(line, line.length)).isNull();
    }

    @Test
    void boardResponsesPagesCsvAndTaggedPostingsAreKnownByTheirText() {
        assertThat(InputKind.ofText("{\"jobs\":[{\"id\":\"1\",\"title\":\"ML\",\"jobUrl\":\"https://jobs.ashbyhq.com/x/1\"}]}"))
                .isEqualTo(InputKind.ASHBY_BOARD);
        assertThat(InputKind.ofText("{\"jobs\":[{\"absolute_url\":\"https://boards.greenhouse.io/x/jobs/1\"}]}"))
                .isEqualTo(InputKind.GREENHOUSE_BOARD);
        assertThat(InputKind.ofText("[{\"id\":\"1\",\"hostedUrl\":\"https://jobs.lever.co/x/1\"}]"))
                .isEqualTo(InputKind.LEVER_BOARD);
        assertThat(InputKind.ofText("\uFEFF<!doctype html><html>")).isEqualTo(InputKind.WEB_PAGE);
        assertThat(InputKind.ofText("Job Title,Company Name,Job Description\n")).isEqualTo(InputKind.CSV);
        assertThat(InputKind.ofText("{\"schemaVersion\":1,\"posting\":{\"id\":\"x\"},\"tags\":{\"mlRole\":false}}\n"))
                .isEqualTo(InputKind.TAGGED_POSTINGS);
    }

    @Test
    void rawPostingsAndEmptyInputAreNoOtherKind() {
        assertThat(InputKind.ofText("{\"schemaVersion\":1,\"id\":\"x\",\"title\":\"ML Engineer\",\"description\":\"d\"}"))
                .isNull();
        assertThat(InputKind.ofText("[{\"schemaVersion\":1,\"id\":\"x\",\"title\":\"ML Engineer\"}]")).isNull();
        assertThat(InputKind.ofText("  \n")).isNull();
    }
}

package id.satupintu.pipeline.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * Refuses a file named as text (CSV, JSON lines) whose first bytes say it is something else: a
 * compressed archive, a workbook, a PDF, or bytes that are not text at all. Only the head of the
 * file is looked at; a few unreadable bytes further down are the rows' problem
 * ({@link ValidationRule#ROW_UNREADABLE_TEXT}).
 */
final class TextFileCheck {
    /** More than this share of unreadable characters in the head: not a text file. */
    private static final double MOST_UNREADABLE_SHARE = 0.05;

    private TextFileCheck() {}

    static void refuseIfNotText(String fileName, byte[] head, Charset charset) throws RosterFileRefusedException {
        String container = container(head);
        if (container != null) {
            throw new RosterFileRefusedException(
                    fileName,
                    "berkas " + container + ", bukan teks " + kind(fileName) + "; kirim berkas teksnya",
                    "the file is " + english(container) + ", not " + kind(fileName) + " text; send the text file");
        }
        if (head.length == 0) {
            return;
        }
        CharBuffer text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(head));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e); // cannot happen when replacing
        }
        int unreadable = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                unreadable++;
            }
        }
        if (unreadable > MOST_UNREADABLE_SHARE * text.length()) {
            throw new RosterFileRefusedException(
                    fileName,
                    "berkas bukan teks: " + unreadable + " dari " + text.length()
                            + " karakter pertama tidak terbaca sebagai " + charset.name(),
                    "the file is not text: " + unreadable + " of its first " + text.length()
                            + " characters do not read as " + charset.name());
        }
    }

    /** What the file's magic number says it is, in Indonesian, or null for no known container. */
    private static String container(byte[] head) {
        if (startsWith(head, 0x1F, 0x8B)) {
            return "terkompresi gzip";
        }
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            return "arsip ZIP atau XLSX";
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return "buku kerja Excel 97-2003 (.xls)";
        }
        if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
            return "PDF";
        }
        return null;
    }

    private static String english(String container) {
        return switch (container) {
            case "terkompresi gzip" -> "gzip-compressed";
            case "arsip ZIP atau XLSX" -> "a ZIP archive or an XLSX workbook";
            case "buku kerja Excel 97-2003 (.xls)" -> "an Excel 97-2003 (.xls) workbook";
            default -> "a PDF document";
        };
    }

    private static String kind(String fileName) {
        return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? "CSV" : "JSON lines";
    }

    static boolean startsWith(byte[] head, int... signature) {
        if (head.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}

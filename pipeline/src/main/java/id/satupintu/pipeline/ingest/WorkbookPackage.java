package id.satupintu.pipeline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What is inside an XLSX file, looked at before the XML reader parses any of it. An XLSX is a zip
 * of XML parts, and the reader trusts them: a part may inflate a thousandfold (a zip bomb), the
 * shared strings are held in memory whole, and a cell address far beyond Excel's last column makes
 * the reader allocate a row that wide. So every part is inflated once here, counting, and the file
 * is refused, naming the part and the limit, when:
 *
 * <ul>
 *   <li>it is not a zip (an Excel 97-2003 {@code .xls} or a password-protected workbook, both OLE2
 *       files, or anything else);
 *   <li>it holds macros ({@code vbaProject.bin}: a {@code .xlsm} renamed) or links to other
 *       workbooks ({@code xl/externalLinks/}: the values are copies that may be stale);
 *   <li>it has more than {@link #MOST_PARTS} parts, a part inflates to more than
 *       {@link #LARGEST_RATIO} times its compressed size (beyond its first MB), all parts together
 *       to more than {@link #LARGEST_TOTAL_BYTES}, or the shared strings to more than a quarter of
 *       the heap;
 *   <li>a sheet gives a cell an address beyond Excel's limits (column XFD, row 1,048,576).
 * </ul>
 *
 * The pass costs one inflate of the package, a fraction of what parsing its XML costs.
 */
final class WorkbookPackage {
    static final int MOST_PARTS = 10_000;
    static final int LARGEST_RATIO = 200;
    static final long LARGEST_TOTAL_BYTES = 2L << 30;
    private static final long RATIO_FREE_BYTES = 1L << 20;
    private static final int LAST_COLUMN = 16_384;
    private static final int LAST_ROW = 1_048_576;

    private WorkbookPackage() {}

    static void check(Path file) throws RosterFileRefusedException {
        String fileName = file.getFileName().toString();
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        } catch (IOException e) {
            throw refusal(fileName, "tidak dapat dibuka: " + e.getMessage(), "cannot be opened: " + e.getMessage());
        }
        if (TextFileCheck.startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw new RosterFileRefusedException(
                    fileName,
                    "berkas adalah buku kerja Excel 97-2003 (.xls) atau XLSX berkata sandi; simpan ulang sebagai"
                            + " .xlsx tanpa kata sandi",
                    "the file is an Excel 97-2003 (.xls) workbook or a password-protected XLSX; save it again as"
                            + " .xlsx without a password");
        }
        if (!TextFileCheck.startsWith(head, 'P', 'K', 3, 4)) {
            throw refusal(fileName, "bukan arsip ZIP", "not a ZIP archive");
        }
        long sharedStringsLimit = Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 4);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MOST_PARTS) {
                throw refusal(
                        fileName,
                        "memuat " + zip.size() + " bagian, paling banyak " + MOST_PARTS,
                        "it holds " + zip.size() + " parts, at most " + MOST_PARTS);
            }
            long total = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.contains("vbaproject")) {
                    throw new RosterFileRefusedException(
                            fileName,
                            "berkas memuat makro (" + name + "); simpan sebagai .xlsx tanpa makro",
                            "the workbook holds macros (" + name + "); save it as .xlsx without macros");
                }
                if (lower.startsWith("xl/externallinks/")) {
                    throw new RosterFileRefusedException(
                            fileName,
                            "berkas memuat tautan ke buku kerja lain (" + name + "); nilainya salinan yang bisa usang:"
                                    + " tempel sebagai nilai (Paste Special > Values) lalu kirim lagi",
                            "the workbook holds links to other workbooks (" + name + "); their values are copies that"
                                    + " may be stale: paste them as values (Paste Special > Values) and send it again");
                }
                boolean sharedStrings = lower.endsWith("sharedstrings.xml");
                long partLimit = sharedStrings ? sharedStringsLimit : LARGEST_TOTAL_BYTES;
                if (entry.getSize() > partLimit || total + Math.max(0, entry.getSize()) > LARGEST_TOTAL_BYTES) {
                    throw tooLarge(fileName, name, sharedStrings, partLimit);
                }
                if (entry.getSize() > RATIO_FREE_BYTES
                        && entry.getCompressedSize() > 0
                        && entry.getSize() > LARGEST_RATIO * entry.getCompressedSize()) {
                    // what the zip's directory declares; a part that lies about it is caught inflating below
                    throw inflatesTooMuch(fileName, name);
                }
                CellScan cells =
                        lower.startsWith("xl/worksheets/") || sharedStrings ? new CellScan(!sharedStrings) : null;
                long inflated = 0;
                long ratioLimit = Math.max(RATIO_FREE_BYTES, LARGEST_RATIO * Math.max(1, entry.getCompressedSize()));
                try (InputStream part = zip.getInputStream(entry)) {
                    byte[] buffer = new byte[1 << 16];
                    int read;
                    while ((read = part.read(buffer)) != -1) {
                        inflated += read;
                        if (inflated > ratioLimit) {
                            throw inflatesTooMuch(fileName, name);
                        }
                        if (inflated > partLimit || total + inflated > LARGEST_TOTAL_BYTES) {
                            throw tooLarge(fileName, name, sharedStrings, partLimit);
                        }
                        if (cells != null) {
                            cells.accept(buffer, read);
                            if (cells.longText) {
                                throw new RosterFileRefusedException(
                                        fileName,
                                        "sebuah sel atau nilai di " + name + " lebih panjang dari yang diizinkan Excel"
                                                + " (32.767 karakter)",
                                        "a cell or value in " + name + " is longer than Excel allows (32,767"
                                                + " characters)");
                            }
                            if (cells.beyond != null) {
                                throw new RosterFileRefusedException(
                                        fileName,
                                        "alamat sel " + cells.beyond + " di luar batas Excel (kolom XFD, baris"
                                                + " 1.048.576) di " + name,
                                        "cell address " + cells.beyond + " is beyond Excel's limits (column XFD, row"
                                                + " 1,048,576) in " + name);
                            }
                        }
                    }
                }
                total += inflated;
            }
        } catch (IOException e) {
            throw refusal(fileName, e.getMessage(), e.getMessage());
        }
    }

    private static RosterFileRefusedException inflatesTooMuch(String fileName, String part) {
        return new RosterFileRefusedException(
                fileName,
                "bagian " + part + " mengembang lebih dari " + LARGEST_RATIO + " kali ukurannya (bom zip?)",
                "part " + part + " inflates to more than " + LARGEST_RATIO + " times its size (a zip bomb?)");
    }

    private static RosterFileRefusedException tooLarge(
            String fileName, String part, boolean sharedStrings, long partLimit) {
        if (sharedStrings) {
            long megabytes = partLimit >> 20;
            return new RosterFileRefusedException(
                    fileName,
                    "bagian " + part + " mengembang menjadi lebih dari " + megabytes
                            + " MB, lebih dari yang dapat ditampung memori",
                    "part " + part + " inflates to more than " + megabytes + " MB, more than memory can hold");
        }
        return new RosterFileRefusedException(
                fileName,
                "isi berkas XLSX mengembang menjadi lebih dari " + (LARGEST_TOTAL_BYTES >> 30) + " GB (di " + part
                        + ")",
                "the XLSX file inflates to more than " + (LARGEST_TOTAL_BYTES >> 30) + " GB (at " + part + ")");
    }

    private static RosterFileRefusedException refusal(String fileName, String indonesian, String english) {
        return new RosterFileRefusedException(
                fileName,
                "berkas XLSX rusak atau bukan XLSX: " + indonesian,
                "the XLSX file is corrupt or not XLSX: " + english);
    }

    /**
     * Looks at a sheet's or the shared strings' XML bytes as they stream by, for what would make
     * the reader hold too much: a text or attribute value longer than Excel allows a cell (the
     * reader keeps a value whole), and, in a sheet, an attribute named {@code r} (any prefix) whose
     * value is a cell address beyond Excel's last column or row (the reader sizes a row by its
     * cells' columns). A small state machine over tags, attribute names and quoted values.
     */
    static final class CellScan {
        /** Excel's 32,767 characters a cell, as UTF-8 with room for escapes like {@code &amp;}. */
        private static final int LONGEST_TEXT_BYTES = 256 * 1024;

        private static final int TEXT = 0;
        private static final int TAG = 1;
        private static final int NAME = 2;
        private static final int BEFORE_EQUALS = 3;
        private static final int BEFORE_VALUE = 4;
        private static final int VALUE = 5;
        private static final int OTHER_VALUE = 6;

        private int state = TEXT;
        private int nameLength;
        private boolean nameIsR;
        private int quote;
        private final StringBuilder value = new StringBuilder();
        private final boolean addresses;
        private int run;
        String beyond;
        boolean longText;

        CellScan(boolean addresses) {
            this.addresses = addresses;
        }

        void accept(byte[] bytes, int length) {
            int i = 0;
            while (i < length && beyond == null && !longText) {
                if (state == TEXT || state == OTHER_VALUE) {
                    // most bytes are element text or other attributes' values: skip them in a tight loop
                    int end = state == TEXT ? '<' : quote;
                    int start = i;
                    while (i < length && bytes[i] != end) {
                        i++;
                    }
                    run += i - start;
                    if (run > LONGEST_TEXT_BYTES) {
                        longText = true;
                        return;
                    }
                    if (i == length) {
                        return;
                    }
                    run = 0;
                    state = TAG; // the '<' opening a tag, or the quote closing a value
                    i++;
                    continue;
                }
                accept(bytes[i] & 0xFF);
                i++;
            }
        }

        private void accept(int c) {
            if (state == VALUE) {
                if (++run > LONGEST_TEXT_BYTES) {
                    longText = true;
                }
            } else {
                run = 0;
            }
            switch (state) {
                case TEXT -> {
                    if (c == '<') {
                        state = TAG;
                    }
                }
                case TAG -> tag(c);
                case NAME -> {
                    if (c == ':') {
                        nameLength = 0;
                        nameIsR = false;
                    } else if (isSpace(c)) {
                        state = BEFORE_EQUALS;
                    } else if (c == '=') {
                        state = BEFORE_VALUE;
                    } else if (c == '>') {
                        state = TEXT;
                    } else if (c == '/') {
                        state = TAG;
                    } else {
                        nameIsR = nameLength == 0 && c == 'r';
                        nameLength++;
                    }
                }
                case BEFORE_EQUALS -> {
                    if (c == '=') {
                        state = BEFORE_VALUE;
                    } else if (!isSpace(c)) {
                        state = TAG;
                        tag(c);
                    }
                }
                case BEFORE_VALUE -> {
                    if (c == '"' || c == '\'') {
                        quote = c;
                        value.setLength(0);
                        state = nameIsR && addresses ? VALUE : OTHER_VALUE;
                    } else if (!isSpace(c)) {
                        state = TAG;
                        tag(c);
                    }
                }
                case VALUE -> {
                    if (c == quote) {
                        if (isBeyondExcel(value)) {
                            beyond = value.toString();
                        }
                        state = TAG;
                    } else if (value.length() < 32) {
                        value.append((char) c);
                    }
                }
                default -> {
                    if (c == quote) {
                        state = TAG;
                    }
                }
            }
        }

        private void tag(int c) {
            if (c == '>') {
                state = TEXT;
            } else if (c == '"' || c == '\'') {
                quote = c;
                state = OTHER_VALUE;
            } else if (!isSpace(c) && c != '/' && c != '<' && c != '=') {
                state = NAME;
                nameLength = 0;
                nameIsR = false;
                accept(c);
            }
        }

        private static boolean isSpace(int c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r';
        }

        /**
         * A cell address ({@code AB12}, {@code $AB$12}) past column XFD or row 1,048,576; a value of
         * another shape (a namespace URI of {@code xmlns:r}) is none. A value cut at the scan's 32
         * characters is beyond when what was seen is an address's letters and digits.
         */
        static boolean isBeyondExcel(CharSequence reference) {
            int length = reference.length();
            int i = 0;
            if (i < length && reference.charAt(i) == '$') {
                i++;
            }
            long column = 0;
            int letters = 0;
            while (i < length && isAsciiLetter(reference.charAt(i))) {
                column = Math.min(column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1), 1L << 40);
                letters++;
                i++;
            }
            if (i < length && reference.charAt(i) == '$') {
                i++;
            }
            long row = 0;
            int digits = 0;
            while (i < length && reference.charAt(i) >= '0' && reference.charAt(i) <= '9') {
                row = Math.min(row * 10 + (reference.charAt(i) - '0'), 1L << 40);
                digits++;
                i++;
            }
            boolean cut = length >= 32;
            if (letters == 0 || i < length || (digits == 0 && !cut)) {
                return false; // not an address: a row's number, a URI, a range
            }
            return cut || column > LAST_COLUMN || row > LAST_ROW;
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }
    }
}

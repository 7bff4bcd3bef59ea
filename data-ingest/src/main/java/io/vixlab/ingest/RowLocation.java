package io.vixlab.ingest;

/**
 * Where in an input file something was found, as people read it: {@code VIX_History.csv, row 12, field CLOSE}.
 *
 * @param file  the file's name, path or URL
 * @param row   the 1-based physical line number (the header is row 1); 0 when the whole file is meant
 * @param field the column as the file's header spells it; null when the whole row is meant
 */
public record RowLocation(String file, int row, String field) {

    public static RowLocation ofFile(String file) {
        return new RowLocation(file, 0, null);
    }

    public static RowLocation ofRow(String file, int row) {
        return new RowLocation(file, row, null);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (row > 0) {
            text.append(", row ").append(row);
        }
        if (field != null) {
            text.append(", field ").append(field);
        }
        return text.toString();
    }
}

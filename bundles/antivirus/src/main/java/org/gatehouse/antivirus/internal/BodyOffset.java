package org.gatehouse.antivirus.internal;

/**
 * Where a body signature may start: anywhere ({@code *}), at {@code n}, at {@code EOF-n}, or in a
 * window of {@code m} bytes after either ({@code n,m}, {@code EOF-n,m}).
 *
 * @param any        {@code *}
 * @param fromEnd    counted back from the end of the object
 * @param at         the first allowed start (bytes from the beginning, or back from the end)
 * @param window     how many bytes after {@code at} the start may also be
 */
record BodyOffset(boolean any, boolean fromEnd, long at, long window) {

    static final BodyOffset ANYWHERE = new BodyOffset(true, false, 0, 0);

    /** Reads the offset field of an .ndb line; null for target-specific offsets (EP+n, Sx+n, ...). */
    static BodyOffset parse(String field) {
        if (field.equals("*")) {
            return ANYWHERE;
        }
        boolean fromEnd = field.startsWith("EOF-");
        String rest = fromEnd ? field.substring(4) : field;
        if (!rest.isEmpty() && !Character.isDigit(rest.charAt(0))) {
            return null;
        }
        int comma = rest.indexOf(',');
        try {
            long at = Long.parseLong(comma < 0 ? rest : rest.substring(0, comma));
            long window = comma < 0 ? 0 : Long.parseLong(rest.substring(comma + 1));
            if (at < 0 || window < 0) {
                throw new IllegalArgumentException("negative offset " + field);
            }
            return new BodyOffset(false, fromEnd, at, window);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad offset " + field, e);
        }
    }

    boolean allows(long start, long length) {
        if (any) {
            return true;
        }
        long first = fromEnd ? length - at : at;
        return start >= first && start <= first + window;
    }
}

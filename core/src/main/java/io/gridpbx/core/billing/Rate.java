package io.gridpbx.core.billing;

/**
 * The price of calls to numbers that begin with {@code prefix} (E.164 digits, no plus).
 *
 * @param microsPerMinute millionths of the currency per minute
 */
public record Rate(String prefix, String description, long microsPerMinute) {

    public Rate {
        if (!prefix.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a rate's prefix is digits: " + prefix);
        }
        if (microsPerMinute < 0) {
            throw new IllegalArgumentException("a rate cannot be negative: " + microsPerMinute);
        }
    }
}

package io.gridpbx.core.trunking;

/**
 * A number a user dialled, as the carrier must receive it.
 *
 * @param dialled what the user typed, separators removed
 * @param e164    the number in E.164 digits without the plus; for an emergency call the short number itself
 * @param kind    what it reaches
 */
public record DialledNumber(String dialled, String e164, NumberClass kind) {

    public boolean emergency() {
        return kind == NumberClass.EMERGENCY;
    }
}

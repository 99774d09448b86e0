package io.github.camelai4call.component.observe;

import java.util.regex.Pattern;

import io.github.camelai4call.component.support.SecretMasker;

/**
 * The last step before a text leaves the component through an observer (the dev console, a span event): keys masked
 * by shape and after their names ({@link SecretMasker#maskLogText}), phone numbers (E.164, as the contract writes them)
 * replaced, and the text cut to a length a console line can show.
 */
final class Redaction {

    /** How much of a text is kept. */
    static final int MAX_LENGTH = 300;
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+[0-9]{6,}");

    private Redaction() {
    }

    static String text(String text) {
        if (text == null) {
            return null;
        }
        String masked = PHONE_NUMBER.matcher(SecretMasker.maskLogText(text)).replaceAll("+" + SecretMasker.MASK);
        return masked.length() <= MAX_LENGTH ? masked : masked.substring(0, MAX_LENGTH) + "...";
    }
}

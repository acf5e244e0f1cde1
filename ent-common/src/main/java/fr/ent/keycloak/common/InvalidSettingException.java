package fr.ent.keycloak.common;

import java.util.List;

/**
 * A setting of the pack holds a value it cannot use. Never replaced by a default: the caller refuses to act and tells
 * the administrator which setting, which value and what is expected. Carries a message key and its parameters, so an
 * admin-facing surface can say it in French or English; {@link #getMessage()} is the English text for the server log.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private final String setting;
    private final String value;
    private final String messageKey;
    private final List<Object> parameters;

    public InvalidSettingException(String setting, String value, String messageKey, String expected, Object... params) {
        super("The setting " + setting + " holds '" + value + "': " + expected);
        this.setting = setting;
        this.value = value;
        this.messageKey = messageKey;
        this.parameters = List.of(params);
    }

    /** The name of the setting (a realm attribute, a component property). */
    public String setting() {
        return setting;
    }

    /** The value refused. */
    public String value() {
        return value;
    }

    /** A message key ({@code entSetting…}) for the admin's language. */
    public String messageKey() {
        return messageKey;
    }

    /** The parameters of {@link #messageKey()}: the setting's name first, then the value, then the bounds. */
    public List<Object> parameters() {
        return parameters;
    }
}

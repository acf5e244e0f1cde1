package fr.ent.keycloak.password.core;

import java.util.List;

/**
 * What the password must not be built on: the student's own data, as stored on the account.
 *
 * @param username the login (ENT identifier)
 * @param firstName first name(s) as registered
 * @param lastName last name(s) as registered
 * @param studentNumber the student number
 * @param birthDate birth date as {@code YYYYMMDD}, or null
 * @param emails email addresses (university and personal); their local parts are personal words
 */
public record PersonalData(
        String username,
        String firstName,
        String lastName,
        String studentNumber,
        String birthDate,
        List<String> emails) {

    public static final PersonalData NONE = new PersonalData(null, null, null, null, null, List.of());

    public PersonalData {
        emails = emails == null
                ? List.of()
                : emails.stream().filter(e -> e != null && !e.isBlank()).toList();
    }
}

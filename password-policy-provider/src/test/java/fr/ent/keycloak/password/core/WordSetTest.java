package fr.ent.keycloak.password.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordSetTest {

    @Test
    void findsWhatWasAddedAndNothingElse() {
        WordSet set = new WordSet(4);
        for (int i = 0; i < 10_000; i++) {
            assertThat(set.add("word" + i)).isTrue();
        }

        assertThat(set.add("word42")).isFalse();
        assertThat(set.size()).isEqualTo(10_000);
        for (int i = 0; i < 10_000; i++) {
            assertThat(set.contains("word" + i)).isTrue();
            assertThat(set.contains("other" + i)).isFalse();
        }
    }

    @Test
    void incrementalHashFindsSubstrings() {
        PasswordDictionary dictionary = new DictionaryLoader()
                .addWords("test", java.util.List.of("soleil", "chat"))
                .build();

        assertThat(dictionary.containsWordOfAtLeast("zzsoleilzz", 6)).isTrue();
        assertThat(dictionary.containsWordOfAtLeast("zzsoleilzz", 7)).isFalse();
        // shorter than four letters never covers
        assertThat(new DictionaryLoader()
                        .addWords("t", java.util.List.of("ent"))
                        .build()
                        .containsWordOfAtLeast("ent", 1))
                .isFalse();
    }

    @Test
    void footprintStaysWithinNineBytesPerSlot() {
        WordSet set = new WordSet(750_000);
        assertThat(set.footprintBytes()).isLessThanOrEqualTo(9L * 1024 * 1024 + 128 * 1024 + 48);
    }
}

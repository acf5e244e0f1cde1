package fr.ent.keycloak.password.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DictionaryLoaderTest {

    @TempDir
    Path folder;

    @Test
    void shippedListsHoldAtLeast400000Entries() throws IOException {
        DictionaryLoader loader = new DictionaryLoader().addBuiltIn();

        assertThat(loader.build().size()).isGreaterThanOrEqualTo(400_000);
        assertThat(loader.sources()).containsExactlyElementsOf(DictionaryLoader.BUILT_IN);
    }

    @Test
    void readsTheAdministratorsFolderPlainAndCompressed() throws IOException {
        Files.writeString(folder.resolve("campus.txt"), "# our words\nRichter\n\nTriolet\n");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve("labs.txt.gz")))) {
            out.write("Lirmm\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(folder.resolve("ignored.csv"), "zzzqqq\n");

        PasswordDictionary dictionary = new DictionaryLoader().addFolder(folder).build();

        assertThat(dictionary.contains("richter")).isTrue();
        assertThat(dictionary.contains("triolet")).isTrue();
        assertThat(dictionary.contains("lirmm")).isTrue();
        assertThat(dictionary.contains("zzzqqq")).isFalse();
        assertThat(dictionary.size()).isEqualTo(3);
    }

    @Test
    void entriesAreAlsoKnownWithoutTheirPunctuation() {
        PasswordDictionary dictionary = new DictionaryLoader()
                .addWords("t", java.util.List.of("aujourd'hui", "Saint-Étienne"))
                .build();

        assertThat(dictionary.contains("aujourdhui")).isTrue();
        assertThat(dictionary.contains("saintetienne")).isTrue();
    }

    @Test
    void anUnreadableListFailsTheWholeLoad() throws IOException {
        Path broken = folder.resolve("broken.txt");
        Files.write(broken, new byte[] {'a', 'b', (byte) 0xC3, (byte) 0x28, '\n'});

        assertThatThrownBy(() -> new DictionaryLoader().addFile(broken))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> new DictionaryLoader().addFile(folder.resolve("missing.txt")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aMissingFolderAddsNothing() throws IOException {
        assertThat(new DictionaryLoader()
                        .addFolder(folder.resolve("none"))
                        .build()
                        .size())
                .isZero();
    }
}

package fr.ent.keycloak.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every example command of the README and of {@code docs/} says true things: a module it names exists, a test or a
 * benchmark it runs exists, a profile or a property it sets is one the build or the tests read, an option of
 * {@code ./start.sh} is one the script answers, a file it removes is one the build installs. The commands are read
 * from the pages themselves (code blocks and inline code), so a page edited later is checked too.
 */
class DocCommandsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile("`((?:mvn|\\./start\\.sh|java) [^`]+)`");

    /** Every command line of the pages: {@code mvn …}, {@code ./start.sh …}, {@code java …}, {@code rm …}. */
    private static List<String> commands() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> commands = new ArrayList<>();
        for (Path page : pages) {
            String text = Files.readString(page);
            Matcher block = BLOCK.matcher(text);
            while (block.find()) {
                for (String line : block.group(1).split("\n")) {
                    String command = line.replaceAll("\\s+#.*$", "").trim();
                    if (command.matches("^(mvn|\\./start\\.sh|java|rm) .*")) {
                        commands.add(command);
                    }
                }
            }
            Matcher inline = INLINE.matcher(text);
            while (inline.find()) {
                commands.add(inline.group(1).trim());
            }
        }
        return commands;
    }

    @Test
    void theMavenCommandsNameModulesTestsProfilesAndPropertiesThatExist() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String command : commands()) {
            if (!command.startsWith("mvn ")) {
                continue;
            }
            checked++;
            for (String module : values(command, "-pl\\s+(\\S+)")) {
                for (String one : module.split(",")) {
                    if (!parent.contains("<module>" + one + "</module>")) {
                        problems.add(command + ": no module " + one);
                    }
                }
            }
            for (String test : values(command, "-D(?:it\\.)?test='?([\\w*#]+)'?")) {
                String name = test.replaceAll("#.*", "");
                if (!classExists(name)) {
                    problems.add(command + ": no test class " + name);
                }
            }
            for (String profile : values(command, "-P(\\w+)")) {
                if (!anyPomContains("<id>" + profile + "</id>")) {
                    problems.add(command + ": no profile " + profile);
                }
            }
            for (String property : values(command, "-D(ent\\.[\\w.]+)=")) {
                if (!sourcesContain(property)) {
                    problems.add(command + ": nothing reads " + property);
                }
            }
        }
        assertThat(checked).as("Maven commands found in the pages").isGreaterThan(10);
        assertThat(problems).isEmpty();
    }

    @Test
    void theJavaCommandsRunClassesThatExist() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String command : commands()) {
            if (!command.startsWith("java ")) {
                continue;
            }
            Matcher main = Pattern.compile("\\.jar\\s+([\\w.]+)").matcher(command);
            if (main.find()) {
                String name = main.group(1);
                String simple = name.substring(name.lastIndexOf('.') + 1);
                if (!classExists(simple)) {
                    problems.add(command + ": no class " + simple);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theStartScriptAnswersEveryOptionThePagesUse() throws IOException, InterruptedException {
        String text = StartScriptTest.help();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String command : commands()) {
            if (!command.startsWith("./start.sh ")) {
                continue;
            }
            for (String word : command.substring("./start.sh ".length()).split("\\s+")) {
                if (word.startsWith("#")) {
                    break;
                }
                checked++;
                if (!text.contains(word)) {
                    problems.add(command + ": ./start.sh --help does not know " + word);
                }
            }
        }
        assertThat(checked).as("./start.sh options found in the pages").isPositive();
        assertThat(problems).isEmpty();
    }

    @Test
    void aJarThePagesRemoveIsOneTheBuildInstalls() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        for (String command : commands()) {
            Matcher jar = Pattern.compile("^rm .*/providers/([\\w-]+\\.jar)$").matcher(command);
            if (jar.find()) {
                assertThat(parent).as(command).contains("<destFileName>" + jar.group(1) + "</destFileName>");
            }
        }
    }

    private static List<String> values(String command, String regex) {
        List<String> values = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(command);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    private static boolean classExists(String simpleName) throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> !p.toString().contains("/target/"))
                    .anyMatch(p -> p.getFileName().toString().equals(simpleName + ".java"));
        }
    }

    private static boolean anyPomContains(String text) throws IOException {
        try (Stream<Path> files = Files.walk(ROOT, 2)) {
            for (Path pom : files.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .toList()) {
                if (Files.readString(pom).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sourcesContain(String text) throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path source : files.filter(p -> !p.toString().contains("/target/"))
                    .filter(p -> p.toString().endsWith(".java")
                            || p.getFileName().toString().equals("pom.xml"))
                    .toList()) {
                if (!source.getFileName().toString().equals("DocCommandsTest.java")
                        && Files.readString(source).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }
}

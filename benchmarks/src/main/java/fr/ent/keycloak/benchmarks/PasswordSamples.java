package fr.ent.keycloak.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The weak and strong password sets of the quality report. They are written here by hand and generated with a fixed
 * seed, never taken from the lists shipped with the policy, so that the report measures how the rules generalise.
 */
public final class PasswordSamples {

    /** Words people build passwords on, typed from memory: common nouns, pets, places, teams, names. */
    private static final String[] BASES = {
        "soleil", "chocolat", "amour", "football", "princesse", "dragon", "marseille", "bonjour", "vacances",
                "papillon",
        "doudou", "loulou", "chouchou", "nicolas", "camille", "julien", "sophie", "thomas", "laura", "maxime",
        "pompier", "liberte", "licorne", "barcelona", "liverpool", "sunshine", "monkey", "shadow", "master", "welcome",
        "password", "motdepasse", "azerty", "qwerty", "bordeaux", "toulouse", "paris", "france", "mathilde", "antoine",
        "chelsea", "arsenal", "superman", "batman", "pokemon", "minecraft", "fromage", "baguette", "cheval", "tigre",
        "lapin", "poisson", "etoile", "musique", "guitare", "printemps", "automne", "hiver", "ete", "jardin",
        "famille", "enfant", "bebe", "maman", "papa", "cherie", "bisous", "coucou", "salut", "merci",
    };

    /** Common words for passphrases, also typed from memory. */
    private static final String[] PHRASE_WORDS = {
        "arbre",
        "bateau",
        "cerise",
        "danse",
        "ecole",
        "fleuve",
        "girafe",
        "hibou",
        "igloo",
        "jeudi",
        "kayak",
        "lampe",
        "montagne",
        "neige",
        "orange",
        "piano",
        "quartier",
        "riviere",
        "sable",
        "tomate",
        "usine",
        "violon",
        "wagon",
        "yaourt",
        "zebre",
        "abricot",
        "bougie",
        "carton",
        "domino",
        "epice",
        "falaise",
        "grenier",
        "horloge",
        "image",
        "jungle",
        "koala",
        "lavande",
        "marteau",
        "nuage",
        "olive",
        "panier",
        "quille",
        "renard",
        "sapin",
        "tambour",
        "valise",
        "vapeur",
        "citron",
        "biscuit",
        "caillou",
        "tortue",
        "moulin",
        "plume",
        "ruban",
        "tuile",
        "chemin",
        "fenetre",
        "bouteille",
        "crayon",
        "tapis",
        "miroir",
        "escalier",
        "parapluie",
        "brouette",
        "cartable",
        "echelle",
    };

    private static final String[] WALKS = {
        "azerty",
        "azertyuiop",
        "qwerty",
        "qwertyuiop",
        "qsdfgh",
        "asdfgh",
        "wxcvbn",
        "zxcvbn",
        "1qaz2wsx",
        "a1z2e3r4",
        "a1z2e3r4t5",
        "q1w2e3r4",
        "123456789",
        "987654321",
        "abcdefgh",
        "aaaaaaaa1",
        "azeaze123",
        "poiuytreza",
        "mlkjhgfdsq",
        "1234qwer",
        "0987654321",
        "12341234a",
        "abc123abc123",
        "zaq12wsx",
        "1a2b3c4d",
    };

    private PasswordSamples() {}

    /** Dictionary words with the usual mutations, names and years, keyboard walks, leetspeak. */
    public static List<String> weak() {
        Set<String> weak = new LinkedHashSet<>();
        Random random = new Random(20261125L);
        for (String base : BASES) {
            String capital = Character.toUpperCase(base.charAt(0)) + base.substring(1);
            int year = 1960 + random.nextInt(65);
            weak.add(capital + year);
            weak.add(base + "123");
            weak.add(capital + "!" + (random.nextInt(90) + 10));
            weak.add(leet(base) + (random.nextInt(9) + 1));
            weak.add(base.toUpperCase(Locale.ROOT) + (year % 100) + "!");
            weak.add((random.nextInt(900) + 100) + base);
        }
        for (String walk : WALKS) {
            weak.add(walk);
            weak.add(Character.toUpperCase(walk.charAt(0)) + walk.substring(1) + "!");
        }
        return List.copyOf(weak);
    }

    /** Random strings of 12 to 20 characters and four-word French passphrases. */
    public static List<String> strong() {
        List<String> strong = new ArrayList<>();
        Random random = new Random(42L);
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789#%&*+-=?@_";
        for (int i = 0; i < 200; i++) {
            StringBuilder password = new StringBuilder();
            int length = 12 + random.nextInt(9);
            while (password.length() < length) {
                password.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (password.chars().noneMatch(Character::isDigit)) {
                password.setCharAt(random.nextInt(length), (char) ('2' + random.nextInt(8)));
            }
            if (password.chars().noneMatch(Character::isLetter)) {
                password.setCharAt(random.nextInt(length), 'k');
            }
            strong.add(password.toString());
        }
        String[] separators = {"-", " ", ".", "_"};
        for (int i = 0; i < 200; i++) {
            String separator = separators[random.nextInt(separators.length)];
            List<String> words = new ArrayList<>();
            while (words.size() < 4) {
                String word = PHRASE_WORDS[random.nextInt(PHRASE_WORDS.length)];
                if (!words.contains(word)) {
                    words.add(word);
                }
            }
            strong.add(String.join(separator, words) + separator + (random.nextInt(90) + 10));
        }
        return strong;
    }

    private static String leet(String word) {
        return word.replace('a', '@')
                .replace('e', '3')
                .replace('o', '0')
                .replace('i', '1')
                .replace('s', '$');
    }
}

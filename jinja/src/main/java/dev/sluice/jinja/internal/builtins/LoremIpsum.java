package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The {@code lipsum} global: Jinja2's {@code generate_lorem_ipsum} over its own word list. */
final class LoremIpsum {
    private static final Signature LIPSUM = Signature.of("generate_lorem_ipsum").optional("n", 5L)
            .optional("html", true).optional("min", 20L).optional("max", 100L).build();
    private static final String[] WORDS = (
            "a ac accumsan ad adipiscing aenean aliquam aliquet amet ante aptent arcu at "
            + "auctor augue bibendum blandit class commodo condimentum congue consectetuer "
            + "consequat conubia convallis cras cubilia cum curabitur curae cursus dapibus "
            + "diam dictum dictumst dignissim dis dolor donec dui duis egestas eget eleifend "
            + "elementum elit enim erat eros est et etiam eu euismod facilisi facilisis fames "
            + "faucibus felis fermentum feugiat fringilla fusce gravida habitant habitasse hac "
            + "hendrerit hymenaeos iaculis id imperdiet in inceptos integer interdum ipsum "
            + "justo lacinia lacus laoreet lectus leo libero ligula litora lobortis lorem "
            + "luctus maecenas magna magnis malesuada massa mattis mauris metus mi molestie "
            + "mollis montes morbi mus nam nascetur natoque nec neque netus nibh nisi nisl non "
            + "nonummy nostra nulla nullam nunc odio orci ornare parturient pede pellentesque "
            + "penatibus per pharetra phasellus placerat platea porta porttitor posuere "
            + "potenti praesent pretium primis proin pulvinar purus quam quis quisque rhoncus "
            + "ridiculus risus rutrum sagittis sapien scelerisque sed sem semper senectus sit "
            + "sociis sociosqu sodales sollicitudin suscipit suspendisse taciti tellus tempor "
            + "tempus tincidunt torquent tortor tristique turpis ullamcorper ultrices "
            + "ultricies urna ut varius vehicula vel velit venenatis vestibulum vitae vivamus "
            + "viverra volutpat vulputate").split(" ");

    private LoremIpsum() {
    }

    static Object call(CallContext ctx, Arguments args) {
        Object[] b = LIPSUM.bind(args);
        long n = Py.index(b[0]);
        long min = Py.index(b[2]);
        long max = Py.index(b[3]);
        List<String> result = new ArrayList<>();
        for (long p = 0; p < n; p++) {
            result.add(paragraph(min, max));
        }
        if (!PyOps.truthy(b[1])) {
            return String.join("\n\n", result);
        }
        List<String> html = new ArrayList<>();
        for (String p : result) {
            html.add("<p>" + Markup.escapeText(p) + "</p>");
        }
        return new Markup(String.join("\n", html));
    }

    private static String paragraph(long min, long max) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        boolean nextCapitalized = true;
        long lastComma = 0;
        long lastFullstop = 0;
        String last = null;
        List<String> p = new ArrayList<>();
        long count = randrange(min, max);
        for (long idx = 0; idx < count; idx++) {
            String word;
            while (true) {
                word = WORDS[random.nextInt(WORDS.length)];
                if (!word.equals(last)) {
                    last = word;
                    break;
                }
            }
            if (nextCapitalized) {
                word = Py.capitalize(word);
                nextCapitalized = false;
            }
            if (idx - randrange(3, 8) > lastComma) {
                lastComma = idx;
                lastFullstop += 2;
                word += ",";
            }
            if (idx - randrange(10, 20) > lastFullstop) {
                lastComma = idx;
                lastFullstop = idx;
                word += ".";
                nextCapitalized = true;
            }
            p.add(word);
        }
        String text = String.join(" ", p);
        if (text.endsWith(",")) {
            text = text.substring(0, text.length() - 1) + ".";
        } else if (!text.endsWith(".")) {
            text += ".";
        }
        return text;
    }

    /** Python's {@code random.randrange(start, stop)}. */
    private static long randrange(long start, long stop) {
        if (stop <= start) {
            throw PyErrors.value("empty range for randrange() (" + start + ", " + stop + ", " + (stop - start) + ")");
        }
        return ThreadLocalRandom.current().nextLong(start, stop);
    }
}

package io.roleradar.reporter.aggregate;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The latest {@link PostingFacts} per posting id, in an open-addressing hash table keyed by the id
 * bytes each facts object already holds ({@link PostingText}). A {@code HashMap<String, PostingFacts>} would add an entry
 * node and a key string per posting (about 100 bytes); at a million postings under {@code -Xmx512m}
 * that is the difference between fitting and not. Linear probing; removed slots are marked and
 * reused; the table doubles at a load of one half. Not thread-safe.
 */
final class PostingTable {
    /** What a slot whose posting was removed holds, so probe sequences through it go on. */
    private static final PostingFacts REMOVED = new PostingFacts(new PostingText("", "", null), null, null, "",
            null, null, false, null, null, null, java.util.List.of(), RoundWeights.NONE, null, null, null, null, null,
            null, null, TextSignature.NONE);

    private PostingFacts[] slots = new PostingFacts[1024];
    private int[] hashes = new int[1024];
    private int size;
    private int used; // live entries plus removed markers: what the probe sequences see

    /** Stores the facts under their id; returns the facts it replaced, or null. */
    PostingFacts put(PostingFacts facts) {
        if ((used + 1) * 2 > slots.length) {
            resize(size * 4 > slots.length ? slots.length * 2 : slots.length);
        }
        int hash = facts.text().idHash();
        int mask = slots.length - 1;
        int firstRemoved = -1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            PostingFacts s = slots[i];
            if (s == null) {
                int at = firstRemoved >= 0 ? firstRemoved : i;
                if (firstRemoved < 0) {
                    used++;
                }
                slots[at] = facts;
                hashes[at] = hash;
                size++;
                return null;
            }
            if (s == REMOVED) {
                if (firstRemoved < 0) {
                    firstRemoved = i;
                }
            } else if (hashes[i] == hash && s.text().sameId(facts.text())) {
                slots[i] = facts;
                return s;
            }
        }
    }

    PostingFacts get(String id) {
        int i = find(id.getBytes(StandardCharsets.UTF_8));
        return i < 0 ? null : slots[i];
    }

    /** Removes the posting; returns whether it was there. */
    boolean remove(String id) {
        int i = find(id.getBytes(StandardCharsets.UTF_8));
        if (i < 0) {
            return false;
        }
        slots[i] = REMOVED;
        size--;
        return true;
    }

    int size() {
        return size;
    }

    void forEach(Consumer<PostingFacts> action) {
        for (PostingFacts s : slots) {
            if (s != null && s != REMOVED) {
                action.accept(s);
            }
        }
    }

    private int find(byte[] id) {
        int hash = PostingText.hash(id);
        int mask = slots.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            PostingFacts s = slots[i];
            if (s == null) {
                return -1;
            }
            if (s != REMOVED && hashes[i] == hash && s.text().hasId(id)) {
                return i;
            }
        }
    }

    private void resize(int capacity) {
        PostingFacts[] old = slots;
        int[] oldHashes = hashes;
        slots = new PostingFacts[capacity];
        hashes = new int[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < old.length; j++) {
            PostingFacts s = old[j];
            if (s != null && s != REMOVED) {
                int i = oldHashes[j] & mask;
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                slots[i] = s;
                hashes[i] = oldHashes[j];
            }
        }
        used = size;
    }
}

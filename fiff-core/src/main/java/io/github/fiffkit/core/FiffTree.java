package io.github.fiffkit.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The blocks of a file as a tree, built on demand from a {@link FiffReader}: each node knows its block kind,
 * the tags directly inside it and its child blocks. Tag data stays on disk; read it through the reader
 * ({@link FiffReader#readData(TagHeader)}) while the reader is open.
 *
 * <pre>{@code
 * try (FiffReader reader = FiffReader.open(path)) {
 *     FiffTree tree = FiffTree.build(reader);
 *     for (FiffTree.Node meas : tree.find(FiffBlock.MEAS_INFO)) { ... }
 * }
 * }</pre>
 */
public final class FiffTree {
    /**
     * A block.
     *
     * @param blockKind the block kind, or -1 for the root of the file
     * @param start     the block start tag, or {@code null} for the root
     * @param tags      tags directly inside the block, in chain order, without the block start and end
     * @param children  blocks directly inside, in chain order
     */
    public record Node(int blockKind, TagHeader start, List<TagHeader> tags, List<Node> children) {
        /**
         * @param kind a tag kind
         * @return the first tag of that kind directly inside this block
         */
        public Optional<TagHeader> tag(int kind) {
            return tags.stream().filter(t -> t.kind() == kind).findFirst();
        }

        @Override
        public String toString() {
            return (blockKind < 0 ? "root" : FiffBlock.describe(blockKind)) + ": " + tags.size() + " tags, "
                    + children.size() + " blocks";
        }
    }

    private final Node root;

    private FiffTree(Node root) {
        this.root = root;
    }

    /**
     * Reads the rest of the reader's chain into a tree. Blocks left open at the end of the chain are closed.
     *
     * @param reader a reader before its first tag (or part-way, to build the tree of what follows)
     * @return the tree
     * @throws IOException when the file breaks the format
     */
    public static FiffTree build(FiffReader reader) throws IOException {
        record Open(int kind, TagHeader start, List<TagHeader> tags, List<Node> children) {
        }
        List<Open> stack = new ArrayList<>();
        stack.add(new Open(-1, null, new ArrayList<>(), new ArrayList<>()));
        for (TagHeader tag = reader.nextTag(); tag != null; tag = reader.nextTag()) {
            Open top = stack.get(stack.size() - 1);
            if (tag.kind() == FiffKind.BLOCK_START) {
                stack.add(new Open(reader.blockPath().innermost(), tag, new ArrayList<>(), new ArrayList<>()));
            } else if (tag.kind() == FiffKind.BLOCK_END && stack.size() > 1) {
                stack.remove(stack.size() - 1);
                stack.get(stack.size() - 1).children()
                        .add(new Node(top.kind(), top.start(), List.copyOf(top.tags()), List.copyOf(top.children())));
            } else {
                top.tags().add(tag);
            }
        }
        while (stack.size() > 1) {
            Open top = stack.remove(stack.size() - 1);
            stack.get(stack.size() - 1).children()
                    .add(new Node(top.kind(), top.start(), List.copyOf(top.tags()), List.copyOf(top.children())));
        }
        Open r = stack.get(0);
        return new FiffTree(new Node(-1, null, List.copyOf(r.tags()), List.copyOf(r.children())));
    }

    /** @return the root: tags outside every block and the top-level blocks */
    public Node root() {
        return root;
    }

    /**
     * Finds blocks of a kind anywhere in the tree, depth first, in chain order.
     *
     * @param blockKind the block kind
     * @return the blocks
     */
    public List<Node> find(int blockKind) {
        List<Node> found = new ArrayList<>();
        collect(root, blockKind, found);
        return found;
    }

    private static void collect(Node node, int blockKind, List<Node> found) {
        if (node.blockKind() == blockKind) {
            found.add(node);
        }
        for (Node c : node.children()) {
            collect(c, blockKind, found);
        }
    }
}

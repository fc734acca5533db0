package org.papergraph.source.latex;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.papergraph.source.Text;

/**
 * Turns LaTeX into the text a reader of the typeset paper sees, without running TeX: commands that only format are
 * dropped and their arguments kept ({@code \emph{x}} → x), symbols become Unicode ({@code $\pm$} → ±,
 * {@code \'e} → é, {@code $\alpha$} → α), citations become numbered markers as in a PDF ({@code \cite{a,b}} →
 * [1, 2], numbered in order of first citation), and references become the numbers they print
 * ({@code Table~\ref{tab:main}} → Table 3, {@code \cref{tab:main}} → Table 3). A command it does not know is kept
 * as text when it has no argument ({@code \ours} stays "\ours") and gives way to its arguments when it has some.
 *
 * <p>Each character of the output carries whether it was set in bold ({@code \textbf}, {@code \bf},
 * {@code \bfseries}, {@code \mathbf}, {@code \bm}, {@code \boldsymbol}) or underlined ({@code &#92;underline},
 * {@code &#92;uline}), which is how a table marks its best scores.
 *
 * <p>Two modes: inline (a title, a caption, a table cell: one line) and body (paragraphs kept, section headings
 * recorded, floats, display math, bibliography and front matter skipped). Groups nest at most {@link #MAX_DEPTH}
 * deep; deeper groups are read flat, so hostile input cannot overflow the stack. One instance per conversion.
 */
final class TexText {
    static final int BOLD = 1, UNDER = 2;
    static final int MAX_DEPTH = 48;

    /** What the converter needs to know about the whole document; filled before any conversion. */
    static final class Context {
        /** Label key → the number it prints ("3", "2.1", "A"). */
        final Map<String, String> labelNumbers = new HashMap<>();
        /** Label key → what it labels ("Table", "Figure", "Section", "Equation"). */
        final Map<String, String> labelKinds = new HashMap<>();
        /** Citation key → its number, in order of first citation. */
        final Map<String, Integer> citations = new LinkedHashMap<>();
    }

    /** A converted paragraph or line: the text and, per character, its style bits. */
    static final class Styled {
        final StringBuilder text = new StringBuilder();
        final BitSet bold = new BitSet();
        final BitSet under = new BitSet();

        void append(char c, int style) {
            int at = text.length();
            text.append(c);
            if ((style & BOLD) != 0) bold.set(at);
            if ((style & UNDER) != 0) under.set(at);
        }

        /** Whether at least half of the letters and digits (and at least one) carry {@code style}. */
        boolean mostly(int style) {
            int total = 0, marked = 0;
            BitSet set = style == BOLD ? bold : under;
            for (int i = 0; i < text.length(); i++) {
                if (!Character.isLetterOrDigit(text.charAt(i))) continue;
                total++;
                if (set.get(i)) marked++;
            }
            return marked > 0 && 2 * marked >= total;
        }

        String clean() {
            String c = Text.clean(text.toString());
            return c == null ? "" : c;
        }
    }

    /** A body: paragraphs (cleaned), the section headings among them, and where each skipped float sat. */
    static final class Body {
        final List<String> paragraphs = new ArrayList<>();
        /** Paragraph index → heading text, for paragraphs that are section headings. */
        final Map<Integer, String> headings = new LinkedHashMap<>();
        /** Source offset of a skipped float's {@code \begin} → the number of paragraphs before it. */
        final Map<Integer, Integer> floats = new HashMap<>();
    }

    private static final Set<String> SECTIONS = Set.of("part", "chapter", "section", "subsection", "subsubsection");
    private static final Set<String> RUN_IN = Set.of("paragraph", "subparagraph");
    /** Environments whose content is not running text: skipped in the body (floats are read on their own). */
    private static final Set<String> SKIPPED = Set.of("figure", "figure*", "table", "table*", "wrapfigure", "wraptable",
            "sidewaystable", "sidewaysfigure", "longtable", "longtable*", "tabular", "tabular*", "tabularx", "tabulary",
            "supertabular", "xtabular", "tabu", "NiceTabular", "algorithm", "algorithm*", "algorithmic", "algorithm2e",
            "equation", "equation*", "align", "align*", "alignat", "alignat*", "eqnarray", "eqnarray*", "gather", "gather*",
            "multline", "multline*", "displaymath", "flalign", "flalign*", "split", "thebibliography", "tikzpicture",
            "picture", "abstract", "IEEEkeywords", "keywords", "titlepage", "lstlisting", "verbatim", "filecontents",
            "filecontents*", "CCSXML", "acks", "subfigure", "subtable", "figure*[t]");
    static final Set<String> FLOATS = Set.of("figure", "figure*", "table", "table*", "wrapfigure", "wraptable",
            "sidewaystable", "sidewaysfigure", "longtable", "longtable*");
    static final Set<String> TABULARS = Set.of("tabular", "tabular*", "tabularx", "tabulary", "longtable", "longtable*",
            "supertabular", "xtabular", "tabu", "NiceTabular", "array");
    private static final Set<String> MATH_ENVS = Set.of("equation", "equation*", "align", "align*", "eqnarray",
            "eqnarray*", "gather", "gather*", "multline", "multline*", "displaymath", "math");

    /** Commands that keep their one argument as text. */
    private static final Set<String> KEEP1 = Set.of("emph", "textit", "textsl", "textsc", "texttt", "textsf", "textrm",
            "textup", "text", "mathrm", "mathit", "mathsf", "mathtt", "mathcal", "mathbb", "mathfrak", "mathscr", "operatorname",
            "ensuremath", "mbox", "hbox", "fbox", "framebox", "textsuperscript", "textsubscript", "tnote", "centerline",
            "leftline", "rightline", "uppercase", "lowercase", "MakeUppercase", "MakeLowercase", "textnormal", "textmd",
            "mathnormal", "boxed", "overline", "widehat", "widetilde", "hat", "tilde", "bar", "vec", "dot", "ddot",
            "acute", "grave", "check", "breve", "mathring", "phantom", "hphantom", "vphantom", "smash", "mathop",
            "mathbin", "mathrel", "mathord", "mathpunct", "mathopen", "mathclose", "mathinner", "emph*",
            "scriptsize", "em", "sout", "st", "hl", "textmu", "makebox", "underset", "overset", "stackrel",
            "cmark", "emphasize", "highlight", "newblock", "citetitle");
    /** Commands whose arguments (optional and this many mandatory) are dropped. */
    private static final Map<String, Integer> DROP = new HashMap<>();
    static {
        for (String w : List.of("label", "footnote", "footnotetext", "thanks", "vspace", "vspace*", "hspace", "hspace*",
                "includegraphics", "color", "pagestyle", "thispagestyle", "bibliography", "bibliographystyle",
                "usepackage", "RequirePackage", "documentclass", "hyphenation", "captionsetup", "cellcolor", "rowcolor",
                "cline", "cmidrule", "hhline", "cdashline", "Xhline", "Cline", "arrayrulecolor", "pagenumbering",
                "setcounter", "addtocounter", "stepcounter", "refstepcounter", "numberwithin", "input", "include",
                "vskip", "hskip", "nocite", "urlstyle", "graphicspath", "title", "author", "date", "address",
                "affiliation", "affil", "email", "institute", "icmltitle", "icmlauthor", "icmlaffiliation",
                "icmlcorrespondingauthor", "icmlkeywords", "keywords", "IEEEauthorblockN", "IEEEauthorblockA",
                "titlerunning", "authorrunning", "markboth", "markright", "caption", "subcaption", "ccsdesc",
                "setcopyright", "acmConference", "acmYear", "acmDOI", "acmISBN", "acmPrice", "copyrightyear",
                "orcid", "titlenote", "subtitle", "ead", "cortext", "fntext", "tnotetext", "corref", "newpage",
                "enlargethispage", "linespread", "selectfont", "geometry", "hypersetup", "definecolor", "lstset",
                "special", "pdfoutput", "let", "addbibresource", "printbibliography", "specialrule", "setlength",
                "addtolength", "fontsize", "renewcommand", "newcommand", "twocolumn", "ifthenelse", "icmlsetsymbol",
                "aclfinalcopy", "cvprfinalcopy", "iccvfinalcopy", "pretolerance", "tolerance", "allowdisplaybreaks",
                "extrarowheight", "belowrulesep", "aboverulesep", "toprule", "midrule", "bottomrule", "addlinespace",
                "morecmidrules", "hline", "hdashline", "firsthline", "lasthline", "endhead", "endfirsthead", "endfoot",
                "endlastfoot", "centering", "raggedright", "raggedleft", "noindent", "indent", "par", "smallskip",
                "medskip", "bigskip", "clearpage", "cleardoublepage", "hfill", "vfill", "hfil", "vfil", "maketitle",
                "tableofcontents", "appendix", "protect", "relax", "null", "ignorespaces", "unskip", "nobreak",
                "sloppy", "fussy", "small", "footnotesize", "scriptsize", "tiny", "large", "Large", "LARGE", "huge",
                "Huge", "normalsize", "itshape", "upshape", "scshape", "ttfamily", "sffamily", "rmfamily", "slshape",
                "it", "sl", "sc", "tt", "sf", "rm", "xspace", "newline", "linebreak", "pagebreak", "nolinebreak",
                "allowbreak", "strut", "mathstrut", "bigstrut", "displaystyle", "textstyle", "scriptstyle",
                "scriptscriptstyle", "limits", "nolimits", "nonumber", "notag", "qedhere", "qed", "hss", "vss",
                "break", "footnotemark", "arraybackslash", "tabularnewline", "leavevmode", "onecolumn", "balance",
                "columnbreak", "flushbottom", "raggedbottom", "frenchspacing", "nopagebreak", "stretch",
                "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr",
                "Biggl", "Biggr", "middle", "abovedisplayskip", "belowdisplayskip", "textwidth", "linewidth",
                "columnwidth", "hsize", "textheight", "tabcolsep", "arraystretch", "baselineskip", "parindent",
                "parskip", "rule", "resetlinenumber", "linenumbers", "nolinenumbers", "makeatletter", "makeatother",
                "IEEEpeerreviewmaketitle", "IEEEoverridecommandlockouts", "vcenter", "hrule", "vrule", "ninept",
                "unboldmath", "tightlist", "DeclareGraphicsExtensions", "floatname", "algrenewcommand",
                "crefname", "Crefname", "newrobustcmd", "setuptodonotes", "todo", "noalign", "global", "long",
                "AtBeginDocument", "pdfinfo", "usetikzlibrary", "pgfplotsset", "newfloat", "theoremstyle",
                "FloatBarrier", "captionof", "subfloat", "renewenvironment", "newenvironment", "bibpunct",
                "setcitestyle", "DeclareCaptionFormat", "DeclareCaptionLabelSeparator", "affiliations",
                "mysection", "vfilneg", "sisetup", "IfFileExists")) {
            DROP.put(w, 0);
        }
        for (String w : List.of("label", "footnote", "footnotetext", "thanks", "vspace", "vspace*", "hspace", "hspace*",
                "includegraphics", "color", "pagestyle", "thispagestyle", "bibliography", "bibliographystyle",
                "usepackage", "RequirePackage", "documentclass", "hyphenation", "captionsetup", "cellcolor", "rowcolor",
                "cline", "cmidrule", "hhline", "cdashline", "Xhline", "Cline", "arrayrulecolor", "pagenumbering",
                "stepcounter", "refstepcounter", "input", "include", "nocite", "urlstyle", "graphicspath", "title",
                "author", "date", "address", "affiliation", "affil", "email", "institute", "icmltitle", "icmlauthor",
                "icmlcorrespondingauthor", "icmlkeywords", "keywords", "IEEEauthorblockN", "IEEEauthorblockA",
                "titlerunning", "authorrunning", "markright", "caption", "subcaption", "ccsdesc", "setcopyright",
                "acmConference", "acmYear", "acmDOI", "acmISBN", "acmPrice", "copyrightyear", "orcid", "titlenote",
                "subtitle", "ead", "cortext", "fntext", "tnotetext", "corref", "enlargethispage", "linespread",
                "geometry", "hypersetup", "lstset", "addbibresource", "twocolumn", "icmlsetsymbol", "todo", "noalign",
                "AtBeginDocument", "pdfinfo", "usetikzlibrary", "pgfplotsset", "captionof", "theoremstyle", "bibpunct",
                "setcitestyle", "sisetup", "affiliations", "Xhline", "stretch")) {
            DROP.put(w, 1);
        }
        for (String w : List.of("setcounter", "addtocounter", "numberwithin", "setlength", "addtolength", "fontsize",
                "markboth", "definecolor", "icmlaffiliation", "newfloat", "crefname", "Crefname", "rule",
                "DeclareCaptionFormat", "DeclareCaptionLabelSeparator", "floatname", "IfFileExists")) {
            DROP.put(w, 2);
        }
        DROP.put("specialrule", 3);
        DROP.put("definecolor", 3);
        DROP.put("ifthenelse", 3);
    }
    private static final Set<String> BOLD_ARG = Set.of("textbf", "mathbf", "bm", "boldsymbol", "pmb", "mathbold", "bf",
            "bfseries", "boldmath");
    private static final Set<String> UNDER_ARG = Set.of("underline", "uline", "ul", "underbar", "uuline", "underbrace");
    private static final Set<String> CITE = Set.of("cite", "citep", "citet", "citealp", "citealt", "citeauthor",
            "citeyear", "citeyearpar", "Cite", "Citep", "Citet", "citenum", "parencite", "textcite", "autocite",
            "footcite", "cite*", "citep*", "citet*", "shortcite", "citeA", "citeN", "citen", "supercite", "smartcite");
    private static final Set<String> REF = Set.of("ref", "eqref", "pageref", "autoref", "cref", "Cref", "nameref",
            "vref", "Autoref", "subref", "labelcref", "crefrange");

    static final Map<String, String> SYMBOLS = new HashMap<>();
    static {
        String[][] pairs = {
            {"pm", "±"}, {"mp", "∓"}, {"times", "×"}, {"cdot", "·"}, {"dagger", "†"}, {"ddagger", "‡"}, {"S", "§"},
            {"P", "¶"}, {"ast", "*"}, {"star", "⋆"}, {"bullet", "•"}, {"circ", "∘"}, {"checkmark", "✓"}, {"uparrow", "↑"},
            {"downarrow", "↓"}, {"Uparrow", "⇑"}, {"Downarrow", "⇓"}, {"rightarrow", "→"}, {"leftarrow", "←"},
            {"to", "→"}, {"Rightarrow", "⇒"}, {"Leftarrow", "⇐"}, {"leftrightarrow", "↔"}, {"mapsto", "↦"},
            {"leq", "≤"}, {"le", "≤"}, {"geq", "≥"}, {"ge", "≥"}, {"neq", "≠"}, {"ne", "≠"}, {"approx", "≈"},
            {"sim", "~"}, {"simeq", "≃"}, {"equiv", "≡"}, {"infty", "∞"}, {"degree", "°"}, {"textdegree", "°"},
            {"textpm", "±"}, {"texttimes", "×"}, {"textasciitilde", "~"}, {"ldots", "…"}, {"dots", "…"}, {"cdots", "⋯"},
            {"textendash", "–"}, {"textemdash", "—"}, {"textbar", "|"}, {"textless", "<"}, {"textgreater", ">"},
            {"textbackslash", "\\"}, {"textunderscore", "_"}, {"textasciicircum", "^"}, {"copyright", "©"},
            {"textregistered", "®"}, {"texttrademark", "™"}, {"euro", "€"}, {"pounds", "£"}, {"quad", " "},
            {"qquad", " "}, {"enspace", " "}, {"thinspace", ""}, {"negthinspace", ""}, {"space", " "}, {"lbrace", "{"},
            {"rbrace", "}"}, {"langle", "⟨"}, {"rangle", "⟩"}, {"lvert", "|"}, {"rvert", "|"}, {"vert", "|"},
            {"mid", "|"}, {"|", "‖"}, {"in", "∈"}, {"notin", "∉"}, {"subset", "⊂"}, {"subseteq", "⊆"}, {"cup", "∪"},
            {"cap", "∩"}, {"forall", "∀"}, {"exists", "∃"}, {"partial", "∂"}, {"nabla", "∇"}, {"sum", "∑"},
            {"prod", "∏"}, {"int", "∫"}, {"propto", "∝"}, {"oplus", "⊕"}, {"otimes", "⊗"}, {"odot", "⊙"},
            {"ell", "ℓ"}, {"hbar", "ℏ"}, {"emptyset", "∅"}, {"varnothing", "∅"}, {"neg", "¬"}, {"wedge", "∧"},
            {"vee", "∨"}, {"land", "∧"}, {"lor", "∨"}, {"cross", "✗"}, {"xmark", "✗"}, {"blacktriangle", "▲"},
            {"triangle", "△"}, {"diamond", "◇"}, {"square", "□"}, {"blacksquare", "■"}, {"textbullet", "•"},
            {"textdagger", "†"}, {"textdaggerdbl", "‡"}, {"textsection", "§"}, {"textperiodcentered", "·"},
            {"textquoteright", "’"}, {"textquoteleft", "‘"}, {"textquotedblleft", "“"}, {"textquotedblright", "”"},
            {"textmu", "µ"}, {"micro", "µ"}, {"percent", "%"}, {"textpercent", "%"}, {"nobreakspace", " "},
            {"ldotp", "."}, {"colon", ":"}, {"gg", "≫"}, {"ll", "≪"}, {"lesssim", "≲"}, {"gtrsim", "≳"},
            {"approxeq", "≊"}, {"cong", "≅"}, {"perp", "⊥"}, {"parallel", "∥"}, {"angle", "∠"}, {"prime", "′"},
            {"surd", "√"}, {"top", "⊤"}, {"bot", "⊥"}, {"setminus", "∖"}, {"backslash", "\\"}, {"dag", "†"},
            {"ddag", "‡"}, {"textsuperscript*", "*"}, {"AND", "and"}, {"and", ","}, {"TeX", "TeX"}, {"LaTeX", "LaTeX"},
            {"today", ""}, {"lfloor", "⌊"}, {"rfloor", "⌋"}, {"lceil", "⌈"}, {"rceil", "⌉"}, {"hline", ""}};
        for (String[] p : pairs) SYMBOLS.put(p[0], p[1]);
        String[] greek = {"alpha", "α", "beta", "β", "gamma", "γ", "delta", "δ", "epsilon", "ε", "varepsilon", "ε",
            "zeta", "ζ", "eta", "η", "theta", "θ", "vartheta", "ϑ", "iota", "ι", "kappa", "κ", "lambda", "λ", "mu", "μ",
            "nu", "ν", "xi", "ξ", "pi", "π", "varpi", "ϖ", "rho", "ρ", "varrho", "ϱ", "sigma", "σ", "varsigma", "ς",
            "tau", "τ", "upsilon", "υ", "phi", "φ", "varphi", "φ", "chi", "χ", "psi", "ψ", "omega", "ω", "Gamma", "Γ",
            "Delta", "Δ", "Theta", "Θ", "Lambda", "Λ", "Xi", "Ξ", "Pi", "Π", "Sigma", "Σ", "Upsilon", "Υ", "Phi", "Φ",
            "Psi", "Ψ", "Omega", "Ω"};
        for (int i = 0; i < greek.length; i += 2) SYMBOLS.put(greek[i], greek[i + 1]);
        String[] letters = {"o", "ø", "O", "Ø", "ss", "ß", "ae", "æ", "AE", "Æ", "oe", "œ", "OE", "Œ", "aa", "å", "AA", "Å",
            "l", "ł", "L", "Ł", "i", "ı", "j", "ȷ"};
        for (int i = 0; i < letters.length; i += 2) SYMBOLS.put(letters[i], letters[i + 1]);
    }

    /** Accent command character → the combining mark it puts on the next letter. */
    private static final Map<Character, Character> ACCENTS = Map.ofEntries(
            Map.entry('\'', '\u0301'), Map.entry('`', '\u0300'), Map.entry('^', '\u0302'), Map.entry('"', '\u0308'),
            Map.entry('~', '\u0303'), Map.entry('=', '\u0304'), Map.entry('.', '\u0307'), Map.entry('u', '\u0306'),
            Map.entry('v', '\u030C'), Map.entry('H', '\u030B'), Map.entry('c', '\u0327'), Map.entry('k', '\u0328'),
            Map.entry('r', '\u030A'), Map.entry('d', '\u0323'), Map.entry('b', '\u0331'));

    private final String s;
    private final Context ctx;
    private final boolean body;
    private Styled line = new Styled();
    private final Body doc;

    private TexText(String s, Context ctx, boolean body) {
        this.s = s;
        this.ctx = ctx;
        this.body = body;
        this.doc = body ? new Body() : null;
    }

    /** One line of text from {@code s[from, to)}: a title, caption or table cell. */
    static Styled inline(String s, int from, int to, Context ctx) {
        TexText t = new TexText(s, ctx, false);
        t.run(from, to, 0, 0, false);
        return t.line;
    }

    static Styled inline(String s, Context ctx) { return inline(s, 0, s.length(), ctx); }

    /** The running text of {@code s[from, to)}: paragraphs and section headings. */
    static Body body(String s, int from, int to, Context ctx) {
        TexText t = new TexText(s, ctx, true);
        t.run(from, to, 0, 0, false);
        t.paragraph();
        return t.doc;
    }

    private void paragraph() {
        if (!body) {
            space();
            return;
        }
        String p = line.clean();
        if (!p.isEmpty()) doc.paragraphs.add(p);
        line = new Styled();
    }

    private void space() {
        int n = line.text.length();
        if (n > 0 && line.text.charAt(n - 1) != ' ') line.text.append(' ');
    }

    private void emit(String str, int style) {
        for (int k = 0; k < str.length(); k++) line.append(str.charAt(k), style);
    }

    /** Converts {@code s[from, to)}; {@code style} is inherited, declarations inside change it up to {@code to}. */
    private void run(int from, int to, int style, int depth, boolean math) {
        int[] st = {style};
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> i = command(i, to, st, depth, math);
                case '{' -> {
                    int close = depth >= MAX_DEPTH ? -1 : TexScan.matchBrace(s, i, to);
                    if (close < 0) {
                        i++;
                    } else {
                        run(i + 1, close, st[0], depth + 1, math);
                        i = close + 1;
                    }
                }
                case '}' -> i++;
                case '$' -> {
                    if (math) {
                        i++;
                        continue;
                    }
                    boolean display = i + 1 < to && s.charAt(i + 1) == '$';
                    int open = display ? i + 2 : i + 1;
                    int close = closingDollar(open, to, display);
                    if (close < 0) {
                        i = open;   // an unmatched $ is left out, the rest read as text
                        continue;
                    }
                    if (display && body) {
                        space();
                    } else {
                        run(open, close, st[0], depth + 1, true);
                    }
                    i = close + (display ? 2 : 1);
                }
                case '~' -> {
                    line.append(' ', st[0]);
                    i++;
                }
                case '\n' -> {
                    int p = i + 1;
                    while (p < to && (s.charAt(p) == ' ' || s.charAt(p) == '\t' || s.charAt(p) == '\r')) p++;
                    if (!math && p < to && s.charAt(p) == '\n') {
                        paragraph();
                        while (p < to && Character.isWhitespace(s.charAt(p))) p++;
                    } else {
                        space();
                    }
                    i = p;
                }
                case '^', '_' -> {
                    if (!math) {
                        line.append(c, st[0]);
                        i++;
                    } else {
                        // A superscript or subscript: its token, written inline (37.8^{\dagger} → 37.8†).
                        TexScan.Arg a = TexScan.mandatory(s, i + 1, to);
                        if (a == null) {
                            i++;
                        } else {
                            run(a.start(), a.end(), st[0], depth + 1, true);
                            i = a.next();
                        }
                    }
                }
                case '-' -> {
                    if (!math && s.startsWith("---", i)) {
                        emit("—", st[0]);
                        i += 3;
                    } else if (!math && s.startsWith("--", i)) {
                        emit("–", st[0]);
                        i += 2;
                    } else {
                        line.append('-', st[0]);
                        i++;
                    }
                }
                case '`' -> {
                    if (s.startsWith("``", i)) {
                        emit("“", st[0]);
                        i += 2;
                    } else {
                        emit("‘", st[0]);
                        i++;
                    }
                }
                case '\'' -> {
                    if (!math && s.startsWith("''", i)) {
                        emit("”", st[0]);
                        i += 2;
                    } else {
                        line.append(math ? '′' : '\'', st[0]);
                        i++;
                    }
                }
                case '&' -> {
                    space();
                    i++;
                }
                case '\t', '\r' -> {
                    space();
                    i++;
                }
                default -> {
                    if (math && c == ' ') space();
                    else line.append(c, st[0]);
                    i++;
                }
            }
        }
    }

    private int closingDollar(int from, int to, boolean display) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c == '\\') {
                k++;
                continue;
            }
            if (c == '$') {
                if (!display) return k;
                if (k + 1 < to && s.charAt(k + 1) == '$') return k;
            }
            // A paragraph break ends inline math that was never closed.
            if (!display && c == '\n' && k + 1 < to && s.charAt(k + 1) == '\n') return -1;
        }
        return -1;
    }

    /** Handles the control sequence at {@code i}; returns where conversion goes on. */
    private int command(int i, int to, int[] st, int depth, boolean math) {
        int e = TexScan.commandEnd(s, i, to);
        if (e >= to && e == i + 1) return e;
        String w = s.substring(i + 1, Math.min(e, to));
        if (w.isEmpty()) return e;
        char c0 = w.charAt(0);
        if (!TexScan.isLetter(c0)) return symbolCommand(c0, i, e, to, st, depth, math);
        // A starred form (\section*, \hspace*) is the same command here.
        int after = e < to && s.charAt(e) == '*' ? e + 1 : e;
        if (SECTIONS.contains(w) || RUN_IN.contains(w)) return section(w, after, to, st, depth);
        if (BOLD_ARG.contains(w)) {
            if (w.equals("bf") || w.equals("bfseries") || w.equals("boldmath")) {
                st[0] |= BOLD;
                return after;
            }
            return argument(after, to, st[0] | BOLD, depth, math);
        }
        if (UNDER_ARG.contains(w)) return argument(after, to, st[0] | UNDER, depth, math);
        if (w.equals("normalfont") || w.equals("mdseries") || w.equals("unboldmath")) {
            st[0] &= ~BOLD;
            if (w.equals("normalfont")) st[0] &= ~UNDER;
            return after;
        }
        if (w.equals("textmd") || w.equals("textnormal")) return argument(after, to, st[0] & ~BOLD, depth, math);
        if (CITE.contains(w)) return cite(after, to, st[0]);
        if (REF.contains(w)) return ref(w, after, to, st[0]);
        switch (w) {
            case "begin" -> {
                return environment(i, to, st, depth, math);
            }
            case "end" -> {
                TexScan.Arg a = TexScan.mandatory(s, e, to);
                return a == null ? e : a.next();
            }
            case "item" -> {
                TexScan.Arg label = TexScan.optional(s, e, to);
                if (body) paragraph();
                else space();
                if (label != null) {
                    run(label.start(), label.end(), st[0], depth + 1, math);
                    space();
                    return label.next();
                }
                return e;
            }
            case "url", "path", "nolinkurl" -> {
                TexScan.Arg a = TexScan.mandatory(s, e, to);
                if (a == null) return e;
                emit(a.of(s), st[0]);
                return a.next();
            }
            case "href" -> {
                TexScan.Arg url = TexScan.mandatory(s, e, to);
                return url == null ? e : argument(url.next(), to, st[0], depth, math);
            }
            case "textcolor", "colorbox" -> {
                int p = TexScan.skipOptionals(s, e, to);
                TexScan.Arg colour = TexScan.mandatory(s, p, to);
                return colour == null ? e : argument(colour.next(), to, st[0], depth, math);
            }
            case "fcolorbox" -> {
                int p = TexScan.skipOptionals(s, e, to);
                TexScan.Arg a = TexScan.mandatory(s, p, to);
                TexScan.Arg b = a == null ? null : TexScan.mandatory(s, a.next(), to);
                return b == null ? e : argument(b.next(), to, st[0], depth, math);
            }
            case "resizebox", "resizebox*" -> {
                TexScan.Arg w1 = TexScan.mandatory(s, after, to);
                TexScan.Arg h1 = w1 == null ? null : TexScan.mandatory(s, w1.next(), to);
                return h1 == null ? e : argument(h1.next(), to, st[0], depth, math);
            }
            case "scalebox", "raisebox", "adjustbox", "rotatebox", "parbox", "colorbox*", "setbox" -> {
                int p = TexScan.skipOptionals(s, after, to);
                TexScan.Arg first = TexScan.mandatory(s, p, to);
                if (first == null) return e;
                p = TexScan.skipOptionals(s, first.next(), to);
                return argument(p, to, st[0], depth, math);
            }
            case "multicolumn" -> {
                TexScan.Arg n = TexScan.mandatory(s, e, to);
                TexScan.Arg spec = n == null ? null : TexScan.mandatory(s, n.next(), to);
                return spec == null ? e : argument(spec.next(), to, st[0], depth, math);
            }
            case "multirow" -> {
                int p = TexScan.skipOptionals(s, e, to);
                TexScan.Arg n = TexScan.mandatory(s, p, to);
                if (n == null) return e;
                p = TexScan.skipOptionals(s, n.next(), to);
                TexScan.Arg width = TexScan.mandatory(s, p, to);
                if (width == null) return e;
                p = TexScan.skipOptionals(s, width.next(), to);
                return argument(p, to, st[0], depth, math);
            }
            case "makecell", "shortstack", "thead", "makehead", "Centerstack", "stackunder", "specialcell" -> {
                int p = TexScan.skipOptionals(s, after, to);
                return argument(p, to, st[0], depth, math);
            }
            case "frac", "dfrac", "tfrac", "nicefrac", "sfrac", "cfrac" -> {
                TexScan.Arg num = TexScan.mandatory(s, e, to);
                TexScan.Arg den = num == null ? null : TexScan.mandatory(s, num.next(), to);
                if (den == null) return e;
                run(num.start(), num.end(), st[0], depth + 1, true);
                line.append('/', st[0]);
                run(den.start(), den.end(), st[0], depth + 1, true);
                return den.next();
            }
            case "sqrt" -> {
                int p = TexScan.skipOptionals(s, e, to);
                line.append('√', st[0]);
                return argument(p, to, st[0], depth, math);
            }
            case "textsuperscript" -> {
                return argument(e, to, st[0], depth, math);
            }
            default -> { }
        }
        String symbol = SYMBOLS.get(w);
        if (symbol != null) {
            if (w.length() <= 2 && ACCENTS.containsKey(c0) && accentAhead(after, to)) return accent(c0, after, to, st);
            emit(symbol, st[0]);
            return skipEmptyGroup(e, to);
        }
        if (w.length() == 1 && ACCENTS.containsKey(c0) && accentAhead(e, to)) return accent(c0, e, to, st);
        if (KEEP1.contains(w)) {
            int p = TexScan.skipOptionals(s, after, to);
            return argument(p, to, st[0], depth, math);
        }
        Integer drop = DROP.get(w);
        if (drop != null) {
            int p = TexScan.skipOptionals(s, after, to);
            for (int k = 0; k < drop; k++) {
                TexScan.Arg a = TexScan.mandatory(s, p, to);
                if (a == null) break;
                p = TexScan.skipOptionals(s, a.next(), to);
            }
            if (drop == 0) p = skipEmptyGroup(p, to);
            // A line break a dropped command stood for still separates words.
            if (w.equals("newline") || w.equals("linebreak") || w.equals("par") || w.equals("tabularnewline")) space();
            return p;
        }
        // A command nobody defined here: its arguments are text; alone (or ended by "{}"), it is kept as written.
        int p = after;
        if (p + 1 < to && s.charAt(p) == '{' && s.charAt(p + 1) == '}') {
            emit("\\" + w, st[0]);
            return p + 2;
        }
        if (p < to && (s.charAt(p) == '{' || s.charAt(p) == '[')) {
            p = TexScan.skipOptionals(s, p, to);
            while (p < to && s.charAt(p) == '{') {
                int close = TexScan.matchBrace(s, p, to);
                if (close < 0) break;
                run(p + 1, close, st[0], depth + 1, math);
                p = close + 1;
            }
            return p;
        }
        if (math) {
            emit(w, st[0]);
            return e;
        }
        emit("\\" + w, st[0]);
        return e;
    }

    private int skipEmptyGroup(int p, int to) {
        return p + 1 < to && s.charAt(p) == '{' && s.charAt(p + 1) == '}' ? p + 2 : p;
    }

    private boolean accentAhead(int p, int to) {
        if (p >= to) return false;
        char c = s.charAt(p);
        return c == '{' || Character.isLetter(c) || c == '\\' || (c == ' ' && p + 1 < to && Character.isLetter(s.charAt(p + 1)));
    }

    /** An accent on the next letter: the letter and a combining mark (NFC composes them when the text is cleaned). */
    private int accent(char accent, int p, int to, int[] st) {
        int q = p < to && s.charAt(p) == ' ' ? p + 1 : p;
        String letter;
        int next;
        if (q < to && s.charAt(q) == '{') {
            int close = TexScan.matchBrace(s, q, to);
            if (close < 0) return q + 1;
            letter = s.substring(q + 1, close).strip();
            next = close + 1;
        } else if (q < to && s.charAt(q) == '\\') {
            int e = TexScan.commandEnd(s, q, to);
            letter = s.substring(q, e);
            next = e;
        } else if (q < to) {
            letter = String.valueOf(s.charAt(q));
            next = q + 1;
        } else {
            return q;
        }
        if (letter.equals("\\i")) letter = "i";
        else if (letter.equals("\\j")) letter = "j";
        if (letter.length() != 1 || !Character.isLetter(letter.charAt(0))) {
            emit(letter.replace("\\", ""), st[0]);
            return next;
        }
        line.append(letter.charAt(0), st[0]);
        line.append(ACCENTS.get(accent), st[0]);
        return next;
    }

    private int symbolCommand(char c, int i, int e, int to, int[] st, int depth, boolean math) {
        switch (c) {
            case '\\' -> {
                // A line break: optional star and length, then a space.
                int p = e;
                if (p < to && s.charAt(p) == '*') p++;
                TexScan.Arg len = TexScan.optional(s, p, to);
                if (len != null && len.next() - p < 24) p = len.next();
                space();
                return p;
            }
            case '%', '&', '$', '#', '_', '{', '}' -> {
                line.append(c, st[0]);
                return e;
            }
            case ',', '!', '/', '-', '@', ')', ']', '*' -> {
                return e;
            }
            case ';', ':', '>', ' ', '\n', '\t' -> {
                space();
                return e;
            }
            case '(' -> {
                int close = s.indexOf("\\)", e);
                if (close < 0 || close >= to) return e;
                run(e, close, st[0], depth + 1, true);
                return close + 2;
            }
            case '[' -> {
                int close = s.indexOf("\\]", e);
                if (close < 0 || close >= to) return e;
                if (body) space();
                else run(e, close, st[0], depth + 1, true);
                return close + 2;
            }
            default -> {
                if (ACCENTS.containsKey(c) && accentAhead(e, to)) return accent(c, e, to, st);
                if (c == '|') emit("‖", st[0]);
                else line.append(c, st[0]);
                return e;
            }
        }
    }

    /** Converts the next argument (a group or a token) with {@code style}; returns where it ends. */
    private int argument(int p, int to, int style, int depth, boolean math) {
        TexScan.Arg a = TexScan.mandatory(s, p, to);
        if (a == null) return p;
        if (depth >= MAX_DEPTH) {
            emit(a.of(s).replaceAll("[{}\\\\]", ""), style);
            return a.next();
        }
        run(a.start(), a.end(), style, depth + 1, math);
        return a.next();
    }

    private int cite(int p, int to, int style) {
        int q = TexScan.skipOptionals(s, p, to);
        TexScan.Arg keys = TexScan.mandatory(s, q, to);
        if (keys == null || s.charAt(keys.start() - 1) != '{') return q;
        List<String> numbers = new ArrayList<>();
        for (String k : LatexFiles.names(keys.of(s))) {
            Integer n = ctx.citations.get(k);
            if (n == null) {
                n = ctx.citations.size() + 1;
                ctx.citations.put(k, n);
            }
            numbers.add(Integer.toString(n));
        }
        if (numbers.isEmpty()) return keys.next();
        space();
        emit("[" + String.join(", ", numbers) + "]", style);
        return keys.next();
    }

    private int ref(String w, int p, int to, int style) {
        TexScan.Arg keys = TexScan.mandatory(s, p, to);
        if (keys == null || s.charAt(keys.start() - 1) != '{') return p;
        List<String> out = new ArrayList<>();
        String kind = null;
        for (String k : LatexFiles.names(keys.of(s))) {
            String n = ctx.labelNumbers.getOrDefault(k, "?");
            if (kind == null) kind = ctx.labelKinds.get(k);
            out.add(n);
        }
        boolean named = w.equalsIgnoreCase("cref") || w.equalsIgnoreCase("autoref") || w.equals("vref") || w.equals("labelcref");
        String text = String.join(", ", out);
        if (named && kind != null) text = kind + (out.size() > 1 ? "s " : " ") + text;
        if (w.equals("eqref")) text = "(" + text + ")";
        emit(text, style);
        return keys.next();
    }

    private int section(String w, int p, int to, int[] st, int depth) {
        int q = TexScan.skipOptionals(s, p, to);
        TexScan.Arg title = TexScan.mandatory(s, q, to);
        if (title == null || s.charAt(title.start() - 1) != '{') return q;
        if (!body) {
            run(title.start(), title.end(), st[0], depth + 1, false);
            space();
            return title.next();
        }
        if (RUN_IN.contains(w)) {
            // A run-in heading starts a paragraph and is part of it.
            paragraph();
            run(title.start(), title.end(), st[0], depth + 1, false);
            emit(". ", st[0]);
            return title.next();
        }
        paragraph();
        Styled heading = inline(s, title.start(), title.end(), ctx);
        String h = heading.clean();
        if (!h.isEmpty()) {
            doc.headings.put(doc.paragraphs.size(), h);
            doc.paragraphs.add(h);
        }
        return title.next();
    }

    private int environment(int i, int to, int[] st, int depth, boolean math) {
        String name = TexScan.envName(s, i, to);
        if (name == null) return i + 6;
        int open = s.indexOf('}', i) + 1;
        int close = TexScan.endOf(s, name, open, to);
        int contentEnd = close < 0 ? to : close;
        int next = close < 0 ? to : close + name.length() + 6;
        if (body && SKIPPED.contains(name)) {
            if (FLOATS.contains(name) || TABULARS.contains(name)) doc.floats.put(i, doc.paragraphs.size());
            paragraph();
            return next;
        }
        if (depth >= MAX_DEPTH) return next;
        int from = open;
        if (TABULARS.contains(name)) {
            // A table inside a cell or caption: its cells as running text.
            from = tabularBody(name, open, contentEnd);
        } else if (name.equals("minipage")) {
            from = TexScan.skipOptionals(s, open, contentEnd);
            TexScan.Arg width = TexScan.mandatory(s, from, contentEnd);
            if (width != null) from = width.next();
        } else {
            from = TexScan.skipOptionals(s, open, contentEnd);
        }
        boolean inMath = math || MATH_ENVS.contains(name);
        if (body && !inMath) paragraph();
        run(from, contentEnd, st[0], depth + 1, inMath);
        if (body && !inMath) paragraph();
        else space();
        return next;
    }

    /** Where a tabular's cells start after {@code \begin{name}}: past its position, width and column arguments. */
    static int tabularBody(String s, String name, int open, int end) {
        int p = open;
        boolean width = name.equals("tabular*") || name.equals("tabularx") || name.equals("tabulary") || name.equals("xtabular*");
        if (width) {
            TexScan.Arg w = TexScan.mandatory(s, p, end);
            if (w != null) p = w.next();
        }
        if (name.startsWith("tabu") && !name.startsWith("tabular")) {
            // tabu: "to 10cm" or "spread 2pt" before the column spec.
            int q = TexScan.skipSpace(s, p, end);
            if (s.startsWith("to", q) || s.startsWith("spread", q)) {
                int brace = s.indexOf('{', q);
                if (brace > 0 && brace < end) p = brace;
            }
        }
        p = TexScan.skipOptionals(s, p, end);
        TexScan.Arg spec = TexScan.mandatory(s, p, end);
        return spec == null ? p : spec.next();
    }

    private int tabularBody(String name, int open, int end) { return tabularBody(s, name, open, end); }
}

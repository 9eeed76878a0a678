"""The words that frame a question ("how many", "anyone", "whether") rather than name what it asks about."""

from __future__ import annotations

from ..text import tokenize

__all__ = ["FRAME"]

#: Words that frame the question rather than name its subject: never anchors.
FRAME = frozenset(
    tokenize(
        "many much number exact date day month year years deadline when long often frequently frequency "
        "amount total average typical current currently today exactly kind type specific percentage percent "
        "share proportion rate tell say give list name describe explain mean know need want get find happen "
        "happened recent latest first new newer newest something anything thing things way ways example "
        "examples exactly really actually also per topic topics aspect aspects "
        # discourse fillers a wordy question carries ("what should we simply do right now?"): rare
        # in documents, so as anchors they would outweigh what is asked
        "simply just now really basically honestly quite very please maybe perhaps possibly anyway overall "
        "literally truly generally still "
        # pronouns, quantifiers and assent words a conversational question carries ("are these
        # metrics themselves any good?", "Is it OK to ...?"): no passage needs to repeat them
        "themselves itself ourselves yourself anyone anybody everyone everybody someone somebody nobody "
        "whether every one ones ok okay goes like both either "
        # the second part of a compound adjective ("AI-related", "AI-enabled") and a part of a year
        # ("mid-2027"): a passage says "events involving AI tools", "by June 30, 2027"
        "related based driven enabled powered assisted style facing mid early late "
        # a reporting verb: "how many hours does the agency estimate ...", "when does the vendor
        # expect ...": the figure asked is the estimate, which a table or a sentence states bare
        "estimate estimated estimates expect expected expects anticipate anticipated "
        # "what are we supposed to do", "does it already require ... since 2025", "once it is rolled
        # out": a duty or a time as asked
        "supposed owe owed entitled since already once "
        # "so far", "fully rolled out", "have done", "the rest", "allowed to": the figure is stated bare
        "far fully done doing rest allowed permitted "
        # "signed on behalf of X": the signatory block says "for and on behalf of", or only the name;
        # "how many attended compared with the number needed": the two figures are stated, not compared
        "behalf compared compare comparison"
    )
)

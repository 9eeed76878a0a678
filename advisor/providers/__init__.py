"""Providers, resolved in one place: the embedding model and the chat model.

- `embedders`: the local sentence-transformers model (`Embedder`, `get_embedder`);
- `chat`: the chat-model seam (`ChatModel`) and LangChain models behind it;
- `models`: which chat model ADVISOR_LLM_MODEL names (`get_chat_model`, `register_chat_model`).

Nothing here imports LangChain, OpenAI or torch until a model is built or loaded.
"""

from __future__ import annotations

from .chat import ChatModel, LangChainChatModel, OpenAIChatModel
from .embedders import Embedder, get_embedder, register_embedder, unregister_embedder
from .models import (
    PROVIDERS,
    Provider,
    as_chat_model,
    chat_providers,
    get_chat_model,
    langchain_providers,
    register_chat_model,
    unregister_chat_model,
)

__all__ = [
    "PROVIDERS",
    "ChatModel",
    "Embedder",
    "LangChainChatModel",
    "OpenAIChatModel",
    "Provider",
    "as_chat_model",
    "chat_providers",
    "get_chat_model",
    "get_embedder",
    "langchain_providers",
    "register_chat_model",
    "register_embedder",
    "unregister_chat_model",
    "unregister_embedder",
]

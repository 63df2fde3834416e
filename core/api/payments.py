"""``PaymentsService``: pay and receive anything, over a ``WalletService`` (composition, not inheritance).

Every payment is two steps, the shape of a confirm dialog: ``prepare_payment(text, …)`` finds out what the
input is, fetches what it must (LNURL pay request and invoice, melt quotes at the candidate mints) and returns
a ``PreparedPayment`` showing kind, amount, Lightning fee reserve, input fee, total and the mint; nothing is
spent. ``pay(prepared)`` then melts (through ``WalletService.melt``, which journals) or sends ecash to a
payment request (delivered over its ``post`` or ``nostr`` transport, or in-band). ``RatesService``
(``core.api.rates``) gives fiat values for display. The logic lives in ``core.payments`` (``prepare``, ``pay``);
this module is the facade the front ends call.

Money rules enforced here: an expired invoice is refused before any request; an LNURL invoice must be for
exactly the requested amount; the mint's melt quote must be for the invoice's amount.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

import httpx

from core.api.rates import RatesService, fiat_currency, set_fiat_currency
from core.api.relays import nostr_relays, set_nostr_relays
from core.api.service import WalletService
from core.errors import UnknownMint, UnsupportedInput, UserFacingError
from core.i18n import t
from core.nostr.relay import unique_relays
from core.payments.detect import DetectedInput, InputRegistry, default_registry
from core.payments.errors import AmountError
from core.payments.lnurl import LnurlClient
from core.payments.pay import Payer
from core.payments.prepare import PaymentPreparer
from core.payments.prepared import PaymentResult, PreparedPayment
from core.payments.rates import RateSource
from core.payments.requests import PaymentRequestListener, ReceivedPayment, new_request
from core.ports.mint import normalize_mint_url
from core.protocol.payment_requests import PaymentRequest, PaymentRequestPayload
from core.protocol.tokens import Token
from core.wallet.receive import ReceiveResult

# The preparation and paying live in ``core.payments`` and the rates in ``core.api.rates``; their public names stay
# importable from here, where the front ends have always found them.
__all__ = [
    "PaymentResult",
    "PaymentsService",
    "PreparedPayment",
    "RatesService",
    "fiat_currency",
    "nostr_relays",
    "set_fiat_currency",
    "set_nostr_relays",
]


class PaymentsService:
    """Use as ``async with PaymentsService(wallet) as payments:`` (closes its HTTP client, not the wallet).

    ``nostr_relays``: where a Nostr payment request that names no relay is delivered (default: the wallet's
    ``nostr:relays`` setting); ``nostr_timeout``: how long a relay may take to acknowledge.
    """

    def __init__(
        self,
        wallet: WalletService,
        *,
        http: httpx.AsyncClient | None = None,
        registry: InputRegistry | None = None,
        nostr_relays: Sequence[str] | None = None,
        nostr_timeout: float = 10.0,
    ) -> None:
        self.wallet = wallet
        self._nostr_relays = None if nostr_relays is None else list(nostr_relays)
        self.nostr_timeout = nostr_timeout
        self._own_http = http is None
        self.http = http or httpx.AsyncClient(trust_env=False, timeout=httpx.Timeout(30.0), follow_redirects=False)
        self.registry = registry or default_registry()
        self.lnurl = LnurlClient(self.http)
        self._listeners: list[PaymentRequestListener] = []

    async def close(self) -> None:
        for listener in self._listeners:
            await listener.close()
        self._listeners.clear()
        if self._own_http:
            await self.http.aclose()

    async def __aenter__(self) -> PaymentsService:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # --- what is it ---------------------------------------------------------------------------

    def decode(self, text: str | bytes) -> DetectedInput:
        """Detect and parse without any network request; raises ``UnsupportedInput`` for unknown strings."""
        return self.registry.detect(text)

    async def receive(self, text: str, *, trust: bool = False) -> ReceiveResult:
        """The ``receive`` flow for a pasted token (anything else is refused with a pointer to ``pay``)."""
        detected = self.decode(text)
        if detected.action != "receive":
            raise UnsupportedInput(
                t("this is {0}: pay it instead of receiving it").format(detected.kind.replace("_", " "))
            )
        return await self.wallet.receive(detected.text, trust=trust)

    # --- prepare ------------------------------------------------------------------------------

    async def prepare_payment(
        self,
        text: str,
        amount: int | None = None,
        comment: str | None = None,
        mint: str | None = None,
    ) -> PreparedPayment:
        if amount is not None and amount <= 0:
            raise AmountError(t("the amount must be positive"))
        detected = self.decode(text)
        if detected.action != "pay":
            raise UnsupportedInput(t("this is a Cashu token: receive it instead of paying it"))
        mint = normalize_mint_url(mint) if mint else None
        return await PaymentPreparer(self.wallet, self.lnurl, self.nostr_relays).prepare(
            detected, amount, comment, mint
        )

    # --- pay ----------------------------------------------------------------------------------

    async def pay(self, prepared: PreparedPayment) -> PaymentResult:
        """Melt, or send to the payment request (and deliver it); see ``core.payments.pay``."""
        return await Payer(self.wallet, self.http, self.nostr_relays, self.nostr_timeout).pay(prepared)

    def nostr_relays(self) -> list[str]:
        """The relays a Nostr payment request without relay hints is sent to."""
        if self._nostr_relays is not None:
            return unique_relays(self._nostr_relays)
        return nostr_relays(self.wallet)

    # --- receive: payment requests ------------------------------------------------------------

    def listener(
        self, *, host: str = "127.0.0.1", port: int = 0, public_url: str | None = None
    ) -> PaymentRequestListener:
        """A local HTTP endpoint redeeming payloads for requests made with ``create_request(listener=…)``.

        Closed with the service; ``await listener.start()`` before making requests with it.
        """
        listener = PaymentRequestListener(self.redeem_payload, host=host, port=port, public_url=public_url)
        self._listeners.append(listener)
        return listener

    def create_request(
        self,
        amount: int | None,
        unit: str = "sat",
        *,
        mints: list[str] | None = None,
        description: str | None = None,
        listener: PaymentRequestListener | None = None,
        single_use: bool = True,
    ) -> PaymentRequest:
        """A NUT-18 request (``.encode_creqa()`` / ``.encode_creqb()``). Without ``mints``, the wallet's
        trusted mints are listed as the accepted ones. With a started ``listener`` it carries a ``post``
        transport and the listener waits for it (``await listener.wait(request.id)``); without one the
        payment is in-band (the payer hands over a token)."""
        if mints:
            accepted = [normalize_mint_url(m) for m in mints]
        else:
            accepted = [m.url for m in self.wallet.list_mints() if m.trusted]
        request_id = secrets.token_hex(8)
        transports = (listener.transport(request_id),) if listener is not None else ()
        request = new_request(
            amount,
            unit,
            mints=accepted,
            description=description,
            transports=transports,
            single_use=single_use,
            request_id=request_id,
        )
        if listener is not None:
            listener.add(request)
        return request

    async def redeem_payload(self, request: PaymentRequest, payload: PaymentRequestPayload) -> ReceivedPayment:
        """Check a payload against its request and swap its proofs into the wallet."""
        unit = request.unit or "sat"
        if payload.id is not None and request.id is not None and payload.id != request.id:
            raise UserFacingError(t("the payment is for another request"))
        if payload.unit != unit:
            raise UserFacingError(t("the payment is in {0}, the request asked for {1}").format(payload.unit, unit))
        mint = normalize_mint_url(payload.mint)
        accepted = [normalize_mint_url(m) for m in request.mints]
        if accepted and mint not in accepted:
            raise UnknownMint(
                t("the payment is from {0}, which this request does not accept").format(mint), mint_url=mint
            )
        amount = sum(p.amount for p in payload.proofs)
        if request.amount is not None and amount < request.amount:
            raise AmountError(
                t("the payment holds {0} {1}, the request asked for {2} {1}").format(amount, unit, request.amount)
            )
        token = Token(mint=mint, unit=unit, proofs=payload.proofs, memo=payload.memo).encode_v4()
        result = await self.wallet.receive(token, trust=bool(accepted))
        return ReceivedPayment(request.id, result.amount, result.fee, result.mint, result.unit, payload.memo)

    # --- fiat ---------------------------------------------------------------------------------

    def rates(self, sources: list[RateSource] | None = None) -> RatesService:
        """A ``RatesService`` on this service's HTTP client, in the wallet's configured currency."""
        return RatesService(self.http, sources, currency=fiat_currency(self.wallet))

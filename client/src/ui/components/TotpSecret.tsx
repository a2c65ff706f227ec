import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { toString as qrSvg } from "qrcode";

/**
 * An authenticator secret to add: the QR code of its otpauth:// URI (issuer Enlace, the person's
 * email) for a phone's camera, and the raw secret for typing in by hand. The QR code is drawn here,
 * from the URI the server sent: the secret never goes to a third-party QR service.
 */
export function TotpSecret({ secret, uri }: { secret: string; uri: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    qrSvg(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 }).then(
      (svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => live && setSrc(null), // no image: the secret below still works
    );
    return () => {
      live = false;
    };
  }, [uri]);
  return (
    <div className="totp-secret">
      {src && <img className="qr" src={src} width={192} height={192} alt={t("account.qrAlt")} data-testid="totp-qr" />}
      <dl className="secret">
        <dt>{t("enroll.secret")}</dt>
        <dd>
          <code data-testid="totp-secret">{secret}</code>
        </dd>
        <dt>{t("enroll.uri")}</dt>
        <dd>
          <code className="wrap">{uri}</code>
        </dd>
      </dl>
    </div>
  );
}

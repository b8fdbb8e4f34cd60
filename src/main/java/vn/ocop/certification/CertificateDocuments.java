package vn.ocop.certification;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.identity.CurrentUser;
import vn.ocop.shared.OcopException;

/**
 * Certificate PDFs for those who may see the certificate; regenerated from the stored data on every request and
 * signed, but only while the data is what its signed statements say: altered data is never signed
 * ({@code CERT-011}).
 */
@Service
@Transactional(readOnly = true)
public class CertificateDocuments {

    private final Certification certification;
    private final CertificatePdf pdf;

    CertificateDocuments(Certification certification, CertificatePdf pdf) {
        this.certification = certification;
        this.pdf = pdf;
    }

    public byte[] pdf(String number, CurrentUser actor) {
        Certificate certificate = certification.get(number, actor);
        CertificateStatement issue = certification
                .issueStatement(certificate)
                .filter(i -> certification.authentic(certificate))
                .orElseThrow(() -> new OcopException(CertificationError.NOT_AUTHENTIC, certificate.number()));
        return pdf.render(certificate, issue);
    }

    /** The URL encoded in the certificate's QR code. */
    public String verificationUrl(String number, CurrentUser actor) {
        return pdf.verificationUrl(certification.get(number, actor));
    }
}

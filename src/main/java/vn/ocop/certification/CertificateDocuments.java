package vn.ocop.certification;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.identity.CurrentUser;

/** Certificate PDFs for those who may see the certificate; regenerated from the stored data on every request. */
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
        return pdf.render(certification.get(number, actor));
    }

    /** The URL encoded in the certificate's QR code. */
    public String verificationUrl(String number, CurrentUser actor) {
        return pdf.verificationUrl(certification.get(number, actor));
    }
}

#!/usr/bin/env python3
"""Deterministic synthetic help centres for `make bench`: a guidegen content folder and the
equivalent Hugo site, from a seed number.

    generate.py guide --sections S --steps M --locales L --seed N --out DIR
        DIR/content/     guide.yaml, links.yaml, guidegen.yaml, sections/*.yaml,
                         locales/<tag>.yaml (L-1 catalogs: L counts the Turkish source too)
        DIR/templates/   strings/<tag>.yaml: chrome strings for the catalogs' locales, an overlay
                         for `guidegen build --templates`
        DIR/hugo/        the same guide as a Hugo site: one Markdown page per section per locale,
                         multilingual config, a minimal layout with hreflang alternates, no theme

    generate.py hugo-from-markdown --markdown OUTPUT/markdown --title T --out DIR
        A Hugo site made of the Markdown pages guidegen rendered (the real guide's equivalent).

Only the Python standard library. The same arguments always write the same bytes: one
`random.Random(seed)`, sorted iteration, no clocks. The content passes `guidegen validate`
with no errors: labels 1..S, prerequisites earlier in the guide, references that print their
target's label, https registry links on the services' own hosts, Turkish text in Turkish.
"""

import argparse
import json
import os
import random
import re
import shutil
import sys

# --------------------------------------------------------------------------------------------
# Vocabulary: parallel lists, one column per language. Column 0 is Turkish (the source).

LANGS = ["tr", "de", "fr", "es", "it", "nl", "pt", "pl", "sv"]
LANG_NAMES = {
    "tr": "Türkçe", "de": "Deutsch", "fr": "Français", "es": "Español", "it": "Italiano",
    "nl": "Nederlands", "pt": "Português", "pl": "Polski", "sv": "Svenska",
}

VERBS = [
    ("kontrol edin", "prüfen", "vérifiez", "compruebe", "controlli", "controleer", "verifique", "sprawdź", "kontrollera"),
    ("seçin", "wählen", "choisissez", "elija", "scelga", "kies", "escolha", "wybierz", "välj"),
    ("girin", "eingeben", "saisissez", "introduzca", "inserisca", "voer in", "insira", "wpisz", "ange"),
    ("onaylayın", "bestätigen", "confirmez", "confirme", "confermi", "bevestig", "confirme", "potwierdź", "bekräfta"),
    ("açın", "öffnen", "ouvrez", "abra", "apra", "open", "abra", "otwórz", "öppna"),
    ("yükleyin", "hochladen", "téléversez", "suba", "carichi", "upload", "carregue", "prześlij", "ladda upp"),
    ("doldurun", "ausfüllen", "remplissez", "rellene", "compili", "vul in", "preencha", "wypełnij", "fyll i"),
    ("kaydedin", "speichern", "enregistrez", "guarde", "salvi", "bewaar", "guarde", "zapisz", "spara"),
    ("inceleyin", "ansehen", "consultez", "revise", "esamini", "bekijk", "reveja", "przejrzyj", "granska"),
    ("doğrulayın", "verifizieren", "validez", "verifique", "verifichi", "verifieer", "valide", "zweryfikuj", "verifiera"),
    ("gönderin", "senden", "envoyez", "envíe", "invii", "verstuur", "envie", "wyślij", "skicka"),
    ("güncelleyin", "aktualisieren", "mettez à jour", "actualice", "aggiorni", "werk bij", "atualize", "zaktualizuj", "uppdatera"),
    ("tamamlayın", "abschließen", "terminez", "complete", "completi", "rond af", "conclua", "zakończ", "slutför"),
    ("bekleyin", "abwarten", "attendez", "espere", "attenda", "wacht op", "aguarde", "poczekaj na", "vänta på"),
    ("indirin", "herunterladen", "téléchargez", "descargue", "scarichi", "download", "baixe", "pobierz", "hämta"),
    ("düzenleyin", "bearbeiten", "modifiez", "edite", "modifichi", "bewerk", "edite", "edytuj", "redigera"),
]

OBJECTS = [
    ("hesap ayarlarını", "die Kontoeinstellungen", "les paramètres du compte", "los ajustes de la cuenta", "le impostazioni del conto", "de accountinstellingen", "as definições da conta", "ustawienia konta", "kontoinställningarna"),
    ("ödeme yöntemini", "die Zahlungsart", "le moyen de paiement", "el método de pago", "il metodo di pagamento", "de betaalmethode", "o método de pagamento", "metodę płatności", "betalningssättet"),
    ("kimlik belgesini", "das Ausweisdokument", "la pièce d’identité", "el documento de identidad", "il documento d’identità", "het identiteitsbewijs", "o documento de identidade", "dokument tożsamości", "id-handlingen"),
    ("teslimat adresini", "die Lieferadresse", "l’adresse de livraison", "la dirección de entrega", "l’indirizzo di consegna", "het afleveradres", "o endereço de entrega", "adres dostawy", "leveransadressen"),
    ("sipariş özetini", "die Bestellübersicht", "le récapitulatif de commande", "el resumen del pedido", "il riepilogo dell’ordine", "het besteloverzicht", "o resumo do pedido", "podsumowanie zamówienia", "ordersammanfattningen"),
    ("fatura bilgilerini", "die Rechnungsdaten", "les données de facturation", "los datos de facturación", "i dati di fatturazione", "de factuurgegevens", "os dados de faturação", "dane rozliczeniowe", "faktureringsuppgifterna"),
    ("telefon numaranızı", "Ihre Telefonnummer", "votre numéro de téléphone", "su número de teléfono", "il suo numero di telefono", "uw telefoonnummer", "o seu número de telefone", "swój numer telefonu", "ditt telefonnummer"),
    ("doğrulama kodunu", "den Bestätigungscode", "le code de vérification", "el código de verificación", "il codice di verifica", "de verificatiecode", "o código de verificação", "kod weryfikacyjny", "verifieringskoden"),
    ("bakiye bilgisini", "den Kontostand", "le solde", "el saldo", "il saldo", "het saldo", "o saldo", "saldo", "saldot"),
    ("şirket bilgilerini", "die Firmendaten", "les informations de l’entreprise", "los datos de la empresa", "i dati aziendali", "de bedrijfsgegevens", "os dados da empresa", "dane firmy", "företagsuppgifterna"),
    ("güvenlik sorusunu", "die Sicherheitsfrage", "la question de sécurité", "la pregunta de seguridad", "la domanda di sicurezza", "de beveiligingsvraag", "a pergunta de segurança", "pytanie zabezpieczające", "säkerhetsfrågan"),
    ("banka hesabınızı", "Ihr Bankkonto", "votre compte bancaire", "su cuenta bancaria", "il suo conto bancario", "uw bankrekening", "a sua conta bancária", "swoje konto bankowe", "ditt bankkonto"),
    ("kargo seçeneğini", "die Versandoption", "l’option de livraison", "la opción de envío", "l’opzione di spedizione", "de verzendoptie", "a opção de envio", "opcję wysyłki", "fraktalternativet"),
    ("ürün listesini", "die Produktliste", "la liste des produits", "la lista de productos", "l’elenco dei prodotti", "de productlijst", "a lista de produtos", "listę produktów", "produktlistan"),
    ("bildirim tercihlerini", "die Benachrichtigungen", "les préférences de notification", "las preferencias de aviso", "le preferenze di notifica", "de meldingsvoorkeuren", "as preferências de notificação", "preferencje powiadomień", "aviseringsinställningarna"),
    ("para birimini", "die Währung", "la devise", "la moneda", "la valuta", "de valuta", "a moeda", "walutę", "valutan"),
    ("işlem geçmişini", "den Verlauf", "l’historique des opérations", "el historial de operaciones", "lo storico delle operazioni", "de transactiegeschiedenis", "o histórico de operações", "historię transakcji", "transaktionshistoriken"),
    ("yetkilendirme ekranını", "den Freigabebildschirm", "l’écran d’autorisation", "la pantalla de autorización", "la schermata di autorizzazione", "het autorisatiescherm", "o ecrã de autorização", "ekran autoryzacji", "behörighetsskärmen"),
    ("iade talebini", "den Erstattungsantrag", "la demande de remboursement", "la solicitud de reembolso", "la richiesta di rimborso", "het terugbetalingsverzoek", "o pedido de reembolso", "wniosek o zwrot", "återbetalningsbegäran"),
    ("şifrenizi", "Ihr Passwort", "votre mot de passe", "su contraseña", "la sua password", "uw wachtwoord", "a sua palavra-passe", "swoje hasło", "ditt lösenord"),
]

ADJECTIVES = [
    ("yeni", "neue", "nouveau", "nuevo", "nuovo", "nieuwe", "novo", "nowy", "ny"),
    ("güncel", "aktuelle", "actuel", "actual", "attuale", "huidige", "atual", "bieżący", "aktuell"),
    ("kayıtlı", "gespeicherte", "enregistré", "guardado", "salvato", "opgeslagen", "guardado", "zapisany", "sparad"),
    ("doğru", "richtige", "correct", "correcto", "corretto", "juiste", "correto", "poprawny", "rätt"),
    ("geçerli", "gültige", "valide", "válido", "valido", "geldige", "válido", "ważny", "giltig"),
    ("ayrıntılı", "genaue", "détaillé", "detallado", "dettagliato", "gedetailleerde", "detalhado", "szczegółowy", "detaljerad"),
]

PLACES = [
    ("kontrol panelinde", "im Dashboard", "dans le tableau de bord", "en el panel", "nel pannello", "in het dashboard", "no painel", "w panelu", "i panelen"),
    ("mobil uygulamada", "in der App", "dans l’application", "en la aplicación", "nell’app", "in de app", "na aplicação", "w aplikacji", "i appen"),
    ("ayarlar sayfasında", "auf der Einstellungsseite", "sur la page des réglages", "en la página de ajustes", "nella pagina delle impostazioni", "op de instellingenpagina", "na página de definições", "na stronie ustawień", "på inställningssidan"),
    ("ödeme ekranında", "auf der Zahlungsseite", "sur l’écran de paiement", "en la pantalla de pago", "nella schermata di pagamento", "op het betaalscherm", "no ecrã de pagamento", "na ekranie płatności", "på betalningsskärmen"),
    ("profil sayfanızda", "in Ihrem Profil", "dans votre profil", "en su perfil", "nel suo profilo", "in uw profiel", "no seu perfil", "w swoim profilu", "i din profil"),
]

QUESTIONS = [
    ("neden gerekli?", "warum ist das nötig?", "pourquoi est-ce nécessaire ?", "¿por qué es necesario?", "perché è necessario?", "waarom is dit nodig?", "porque é necessário?", "dlaczego to potrzebne?", "varför behövs det?"),
    ("ne kadar sürer?", "wie lange dauert das?", "combien de temps cela prend-il ?", "¿cuánto tarda?", "quanto tempo richiede?", "hoe lang duurt het?", "quanto tempo demora?", "ile to trwa?", "hur lång tid tar det?"),
    ("nerede bulunur?", "wo finde ich das?", "où le trouver ?", "¿dónde se encuentra?", "dove si trova?", "waar vind ik dit?", "onde se encontra?", "gdzie to znaleźć?", "var hittar jag det?"),
    ("değiştirilebilir mi?", "kann man das ändern?", "peut-on le modifier ?", "¿se puede cambiar?", "si può cambiare?", "kan dit worden gewijzigd?", "pode ser alterado?", "czy można to zmienić?", "kan det ändras?"),
]

ANSWERS = [
    ("Bu bilgi hesabınızın güvenliği için kullanılır ve üçüncü kişilerle paylaşılmaz.",
     "Diese Angabe schützt Ihr Konto und wird nicht an Dritte weitergegeben.",
     "Cette information protège votre compte et n’est pas partagée avec des tiers.",
     "Este dato protege su cuenta y no se comparte con terceros.",
     "Questa informazione protegge il suo conto e non viene condivisa con terzi.",
     "Dit gegeven beschermt uw account en wordt niet gedeeld met derden.",
     "Esta informação protege a sua conta e não é partilhada com terceiros.",
     "Ta informacja chroni Twoje konto i nie jest udostępniana osobom trzecim.",
     "Uppgiften skyddar ditt konto och delas inte med tredje part."),
    ("İşlem genellikle birkaç dakika içinde tamamlanır; yoğun dönemlerde bir iş günü sürebilir.",
     "Der Vorgang dauert meist wenige Minuten, in Spitzenzeiten bis zu einem Werktag.",
     "L’opération prend en général quelques minutes, jusqu’à un jour ouvré en période chargée.",
     "La operación suele tardar unos minutos; en periodos de mucha demanda, hasta un día hábil.",
     "L’operazione richiede di solito pochi minuti, fino a un giorno lavorativo nei periodi di punta.",
     "Dit duurt meestal enkele minuten, in drukke periodes tot een werkdag.",
     "A operação demora normalmente alguns minutos; em períodos de maior procura, até um dia útil.",
     "Operacja trwa zwykle kilka minut, w okresach wzmożonego ruchu do jednego dnia roboczego.",
     "Det tar oftast några minuter, under hög belastning upp till en arbetsdag."),
    ("Gerekli alanları doldurduktan sonra değişiklikler hemen geçerli olur.",
     "Sobald die Pflichtfelder ausgefüllt sind, gelten die Änderungen sofort.",
     "Une fois les champs obligatoires remplis, les modifications s’appliquent aussitôt.",
     "Una vez rellenados los campos obligatorios, los cambios se aplican de inmediato.",
     "Compilati i campi obbligatori, le modifiche valgono subito.",
     "Zodra de verplichte velden zijn ingevuld, gelden de wijzigingen direct.",
     "Depois de preencher os campos obrigatórios, as alterações aplicam-se de imediato.",
     "Po wypełnieniu wymaganych pól zmiany obowiązują od razu.",
     "När de obligatoriska fälten är ifyllda gäller ändringarna direkt."),
]

NOTE_TEXTS = [
    ("Bilgilerinizin resmi belgelerinizle aynı olduğundan emin olun.",
     "Achten Sie darauf, dass Ihre Angaben mit Ihren amtlichen Dokumenten übereinstimmen.",
     "Vérifiez que vos informations correspondent à vos documents officiels.",
     "Asegúrese de que sus datos coinciden con sus documentos oficiales.",
     "Si assicuri che i dati corrispondano ai documenti ufficiali.",
     "Zorg dat uw gegevens overeenkomen met uw officiële documenten.",
     "Confirme que os seus dados coincidem com os documentos oficiais.",
     "Upewnij się, że dane zgadzają się z oficjalnymi dokumentami.",
     "Se till att uppgifterna stämmer med dina officiella handlingar."),
    ("Şifrenizi kimseyle paylaşmayın; destek ekibimiz şifrenizi asla sormaz.",
     "Geben Sie Ihr Passwort nie weiter; unser Support fragt nie danach.",
     "Ne communiquez jamais votre mot de passe ; notre support ne le demande jamais.",
     "No comparta nunca su contraseña; nuestro equipo de soporte nunca se la pedirá.",
     "Non condivida mai la password; il nostro supporto non la chiede mai.",
     "Deel uw wachtwoord nooit; onze klantenservice vraagt er nooit om.",
     "Nunca partilhe a sua palavra-passe; o nosso apoio nunca a pede.",
     "Nigdy nie udostępniaj hasła; nasz zespół wsparcia nigdy o nie nie prosi.",
     "Dela aldrig ditt lösenord; vår support frågar aldrig efter det."),
    ("İşlem sırasında sayfayı kapatmayın ve geri tuşuna basmayın.",
     "Schließen Sie die Seite während des Vorgangs nicht und gehen Sie nicht zurück.",
     "Ne fermez pas la page et ne revenez pas en arrière pendant l’opération.",
     "No cierre la página ni vuelva atrás durante la operación.",
     "Non chiuda la pagina e non torni indietro durante l’operazione.",
     "Sluit de pagina niet en ga niet terug tijdens de verwerking.",
     "Não feche a página nem volte atrás durante a operação.",
     "Nie zamykaj strony i nie cofaj się w trakcie operacji.",
     "Stäng inte sidan och gå inte tillbaka under åtgärden."),
    ("Onay e-postası gelmezse gereksiz klasörünüzü de kontrol edin.",
     "Wenn keine Bestätigung ankommt, sehen Sie auch im Spam-Ordner nach.",
     "Si la confirmation n’arrive pas, regardez aussi dans les courriers indésirables.",
     "Si no llega la confirmación, revise también la carpeta de correo no deseado.",
     "Se la conferma non arriva, controlli anche la cartella della posta indesiderata.",
     "Komt er geen bevestiging, kijk dan ook in de map met ongewenste mail.",
     "Se a confirmação não chegar, verifique também a pasta de lixo.",
     "Jeśli potwierdzenie nie dotrze, sprawdź też folder ze spamem.",
     "Om bekräftelsen inte kommer, titta även i skräppostmappen."),
]

SUBSTEPS_INTRO = ("Bunun için şu adımları izleyin;", "Gehen Sie dazu so vor:", "Pour cela, procédez ainsi :",
                  "Para ello, siga estos pasos:", "Per farlo, proceda così:", "Ga daarvoor als volgt te werk:",
                  "Para isso, siga estes passos:", "W tym celu wykonaj te kroki:", "Gör så här:")
SECTION_WORD = ("bölüm", "Abschnitt", "section", "sección", "sezione", "hoofdstuk", "secção", "rozdział", "avsnitt")
LIST_TEXT = ("{list} para birimleri desteklenir.", "Unterstützte Währungen: {list}.", "Devises prises en charge : {list}.",
             "Monedas admitidas: {list}.", "Valute supportate: {list}.", "Ondersteunde valuta: {list}.",
             "Moedas suportadas: {list}.", "Obsługiwane waluty: {list}.", "Valutor som stöds: {list}.")
CURRENCY_NAMES = {
    "CNH": ("Offshore Çin Yuanı", "Offshore-Yuan", "yuan offshore", "yuan extraterritorial", "yuan offshore", "offshore-yuan", "yuan offshore", "juan offshore", "offshore-yuan"),
}
CURRENCIES = ["USD", "EUR", "GBP", "SGD", "HKD", "JPY", "AUD", "CAD"]

# UI labels: text the user must find on screen exactly so; never translated.
UI_LABELS = [("Convert", "en"), ("Top up", "en"), ("Confirm", "en"), ("Add account", "en"),
             ("现在去认证", "zh-Hans"), ("确认付款", "zh-Hans"), ("提交订单", "zh-Hans"), ("立即登录", "zh-Hans")]
# The Turkish dative after a quoted label: the vowel of the label's last syllable decides.
UI_SUFFIX = {"Convert": "’e", "Top up": "’a", "Confirm": "’e", "Add account": "’a",
             "现在去认证": "’e", "确认付款": "’a", "提交订单": "’a", "立即登录": "’a"}
CLICK = ("tıklayın", "klicken Sie auf", "cliquez sur", "haga clic en", "faccia clic su", "klik op", "clique em", "kliknij", "klicka på")

SERVICES = [("alipay", "www.alipay.com"), ("1688", "global.1688.com"), ("worldfirst", "www.worldfirst.com")]
STEP_KINDS = ["action", "action", "input", "action", "result"]
FIELD_LABELS = [
    ("Ad Soyad", "Vor- und Nachname", "Nom complet", "Nombre completo", "Nome e cognome", "Volledige naam", "Nome completo", "Imię i nazwisko", "Fullständigt namn"),
    ("E-posta adresi", "E-Mail-Adresse", "Adresse e-mail", "Correo electrónico", "Indirizzo e-mail", "E-mailadres", "Endereço de e-mail", "Adres e-mail", "E-postadress"),
    ("Ülke kodu", "Ländervorwahl", "Indicatif pays", "Prefijo del país", "Prefisso internazionale", "Landcode", "Indicativo do país", "Kod kraju", "Landskod"),
    ("Posta kodu", "Postleitzahl", "Code postal", "Código postal", "Codice postale", "Postcode", "Código postal", "Kod pocztowy", "Postnummer"),
    ("Şehir", "Stadt", "Ville", "Ciudad", "Città", "Plaats", "Cidade", "Miasto", "Ort"),
    ("Vergi numarası", "Steuernummer", "Numéro fiscal", "Número fiscal", "Codice fiscale", "Fiscaal nummer", "Número fiscal", "Numer podatkowy", "Skattenummer"),
]
SYLLABLES = ["ka", "ra", "me", "lo", "ti", "na", "ve", "so", "du", "pe", "ri", "za", "mo", "ke", "li", "ba",
             "no", "se", "ta", "vi", "ro", "fa", "ne", "gu"]


def fnv1a64(text):
    """The fingerprint guidegen records (Sources/GuideKit/Localisation/Fingerprint.swift)."""
    value = 0xcbf29ce484222325
    for byte in text.encode("utf-8"):
        value ^= byte
        value = (value * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return format(value, "016x")


def yaml_scalar(text):
    """Plain when YAML reads it back unchanged, otherwise a double-quoted JSON string."""
    if (not text or text[0] in "[]{}&*!|>'\"%@`#,?:-‘’“”" or text[-1] in " :" or ": " in text or " #" in text
            or re.fullmatch(r"[0-9.+-]+|true|false|null|yes|no|on|off|~", text, re.I)):
        return json.dumps(text, ensure_ascii=False)
    return text


class Text:
    """A translatable string as parts; `render(lang)` writes it in one language. Parts are plain
    words (a column of the vocabulary), UI labels, registry links and section references."""

    def __init__(self, parts):
        self.parts = parts

    def render(self, lang):
        column = LANGS.index(lang)
        out = []
        for part in self.parts:
            kind = part[0]
            if kind == "lit":           # a literal, the same in every language (a brand)
                out.append(part[1])
            elif kind == "col":         # one column of a vocabulary row
                out.append(part[1][column])
            elif kind == "ui":          # ‘[Label](ui:lang)’e tıklayın
                label, tag = part[1]
                if lang == "tr":
                    out.append(f"‘[{label}](ui:{tag})’{UI_SUFFIX[label][1:]} {CLICK[0]}")
                else:
                    out.append(f"{CLICK[column]} ‘[{label}](ui:{tag})’")
            elif kind == "link":        # [word](link:key)
                out.append(f"[{part[2][column]}](link:{part[1]})")
            elif kind == "sec":         # [3. bölüm](section:id)
                label, target = part[1], part[2]
                word = SECTION_WORD[column]
                printed = f"{label}. {word}" if lang == "tr" else f"{word} {label}"
                out.append(f"[{printed}](section:{target})")
        text = " ".join(out)
        text = re.sub(r" ([.,;:?!)])", r"\1", text).replace("( ", "(")
        return capitalise(text, lang)


class Generator:
    def __init__(self, sections, steps, locales, seed):
        if not 1 <= locales <= len(LANGS):
            sys.exit(f"generate.py: --locales must be 1…{len(LANGS)} (the Turkish source included)")
        self.count, self.steps, self.rng = sections, steps, random.Random(seed)
        self.langs = LANGS[:locales]
        self.links = []        # (key, url, service)
        self.sections = []     # dicts
        self.texts = {}        # key -> Text, in document order
        self.brands = set()
        self.step_texts = set()  # no two steps say the same (duplicate-step-text)

    # -- names ---------------------------------------------------------------------------------

    def brand(self):
        while True:
            word = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.choice([3, 3, 4])))
            word = word.capitalize()
            if word not in self.brands:
                self.brands.add(word)
                return word

    def sentence(self, brand, place=True):
        parts = [("lit", brand)] if self.rng.random() < 0.5 else []
        if place and self.rng.random() < 0.4:
            parts.append(("col", self.rng.choice(PLACES)))
        if self.rng.random() < 0.5:
            parts.append(("col", self.rng.choice(ADJECTIVES)))
        parts += [("col", self.rng.choice(OBJECTS)), ("col", self.rng.choice(VERBS))]
        return parts

    # -- the guide -----------------------------------------------------------------------------

    def build(self):
        for index in range(1, self.count + 1):
            self.sections.append(self.section(index))

    def section(self, index):
        brand = self.brand()
        service, host = SERVICES[index % len(SERVICES)]
        sid = f"{brand.lower()}-{index:04d}"
        keys = []
        for k in range(2):
            key = f"{sid}-link-{k + 1}"
            self.links.append((key, f"https://{host}/help/{sid}/{k + 1}", service))
            keys.append(key)
        section = {"id": sid, "label": str(index), "service": service, "steps": []}
        section["title"] = self.texts[f"{sid}.title"] = TitleText(brand, self.rng.choice(OBJECTS), self.rng.choice(VERBS))
        section["intro"] = self.text(f"{sid}.intro", self.sentence(brand) + [("lit", ".")])
        if index > 1:
            section["requires"] = sorted({self.sections[self.rng.randrange(index - 1)]["id"] for _ in range(self.rng.choice([1, 1, 2]))},
                                         key=lambda s: int(s.rsplit("-", 1)[1]))
        for j in range(1, self.steps + 1):
            section["steps"].append(self.step(sid, brand, j, keys, self.step_texts, index))
        return section

    def text(self, key, parts):
        text = self.texts[key] = Text(parts)
        return text

    def step(self, sid, brand, j, link_keys, seen, section_index):
        while True:
            parts = self.sentence(brand)
            signature = repr(parts)
            if signature not in seen:
                seen.add(signature)
                break
        kind = STEP_KINDS[(j - 1) % len(STEP_KINDS)]
        stid = f"step-{j}"
        key = f"{sid}.steps.{stid}"
        roll = j % 6
        if roll == 1:
            parts = parts + [("lit", ";"), ("ui", self.rng.choice(UI_LABELS))]
        elif roll == 3:
            parts = [("link", link_keys[j % 2], self.rng.choice(OBJECTS))] + [("lit", ":")] + parts
        elif roll == 5 and section_index > 1:
            target = self.sections[self.rng.randrange(section_index - 1)]
            parts = parts + [("lit", "(")] + [("sec", target["label"], target["id"])] + [("lit", ")")]
        step = {"id": stid, "kind": kind, "text": self.text(f"{key}.text", parts)}
        if j % 3 == 2:
            step["detail"] = self.text(f"{key}.detail", self.sentence(brand) + [("lit", ".")])
        if j % 4 == 3:
            step["substepsIntro"] = self.text(f"{key}.substepsIntro", [("col", SUBSTEPS_INTRO)])
            step["substeps"] = []
            for s in range(1, 4):
                sub = f"part-{s}"
                sparts = self.sentence(brand, place=False)
                if s == 3:
                    sparts = sparts + [("lit", ";"), ("ui", self.rng.choice(UI_LABELS))]
                step["substeps"].append({"id": sub, "text": self.text(f"{key}.substeps.{sub}.text", sparts)})
        if kind == "input":
            step["fields"] = []
            for f, row in enumerate(self.rng.sample(FIELD_LABELS, 2)):
                fid = f"field-{f + 1}"
                step["fields"].append({"id": fid, "label": self.text(f"{key}.fields.{fid}.label", [("col", row)])})
        if j % 4 == 1:
            nkind = ["note", "tip", "warning"][(j // 4) % 3]
            nid = f"{nkind}-{j}"
            step["notes"] = [{"id": nid, "kind": nkind, "text": self.text(f"{key}.notes.{nid}.text", [("lit", brand + ":"), ("col", self.rng.choice(NOTE_TEXTS))])}]
        if j % 4 == 0:
            qid = f"question-{j}"
            qkey = f"{key}.questions.{qid}"
            question = {"id": qid, "question": self.text(f"{qkey}.question", [("lit", brand), ("col", self.rng.choice(OBJECTS)), ("col", self.rng.choice(QUESTIONS))]),
                        "answer": self.text(f"{qkey}.answer", [("col", self.rng.choice(ANSWERS))]), "items": []}
            if j % 8 == 0:
                for i in range(1, 3):
                    iid = f"item-{i}"
                    question["items"].append({"id": iid, "text": self.text(f"{qkey}.items.{iid}.text", self.sentence(brand, place=False))})
            step["questions"] = [question]
        if j % 7 == 0:
            lid = "currencies"
            lkey = f"{key}.lists.{lid}"
            codes = self.rng.sample(CURRENCIES, 4)
            step["lists"] = [{"id": lid, "text": self.text(f"{lkey}.text", [("col", LIST_TEXT)]), "codes": codes,
                              "named": ("CNH", self.text(f"{lkey}.items.CNH.name", [("col", CURRENCY_NAMES["CNH"])]))}]
        if j % 5 == 0:
            step["links"] = [link_keys[(j // 5) % 2]]
        return step

    # -- writing guidegen content --------------------------------------------------------------

    def write_content(self, out):
        content = os.path.join(out, "content")
        os.makedirs(os.path.join(content, "sections"))
        os.makedirs(os.path.join(content, "locales"))
        title = Text([("lit", "Velvo"), ("col", ("yardım merkezi", "Hilfe-Center", "centre d’aide", "centro de ayuda", "centro assistenza", "helpcentrum", "centro de ajuda", "centrum pomocy", "hjälpcenter"))])
        self.texts = {"guide.title": title, **self.texts}
        support = {
            "support.team": ("Velvo Müşteri Hizmetleri", "Velvo Kundenservice", "Service client Velvo", "Atención al cliente de Velvo", "Assistenza clienti Velvo", "Velvo klantenservice", "Apoio ao cliente Velvo", "Obsługa klienta Velvo", "Velvo kundtjänst"),
            "support.hours.label": ("Çalışma saatleri", "Servicezeiten", "Horaires", "Horario", "Orari", "Openingstijden", "Horário", "Godziny pracy", "Öppettider"),
            "support.hours.timeZoneNote": ("yerel saatle", "Ortszeit", "heure locale", "hora local", "ora locale", "lokale tijd", "hora local", "czasu lokalnego", "lokal tid"),
            "support.email.label": ("E-posta", "E-Mail", "E-mail", "Correo", "E-mail", "E-mail", "E-mail", "E-mail", "E-post"),
            "support.email.channelLabel": ("E-posta destek hattı", "E-Mail-Support", "Support par e-mail", "Soporte por correo", "Supporto via e-mail", "Ondersteuning per e-mail", "Apoio por e-mail", "Wsparcie e-mail", "Support via e-post"),
            "support.email.responseTime": ("Taleplerinize bir iş günü içinde yanıt veriyoruz.", "Wir antworten innerhalb eines Werktags.", "Nous répondons sous un jour ouvré.", "Respondemos en un día hábil.", "Rispondiamo entro un giorno lavorativo.", "We antwoorden binnen een werkdag.", "Respondemos num dia útil.", "Odpowiadamy w ciągu jednego dnia roboczego.", "Vi svarar inom en arbetsdag."),
            "support.phone.label": ("Telefon", "Telefon", "Téléphone", "Teléfono", "Telefono", "Telefoon", "Telefone", "Telefon", "Telefon"),
        }
        for key, row in support.items():
            self.texts[key] = Text([("col", row)])
        tr = lambda key: yaml_scalar(self.texts[key].render("tr"))

        lines = ["# yaml-language-server: $schema=schemas/guide.schema.json",
                 "# Generated by Benchmarks/generate.py: a synthetic help centre for `make bench`.",
                 f"title: {tr('guide.title')}", "sourceLocale: tr", "sections:"]
        lines += [f"  - {s['id']}" for s in self.sections]
        lines += ["support:", f"  team: {tr('support.team')}", "  hours:", f"    label: {tr('support.hours.label')}",
                  "    days: { from: monday, to: friday }", '    opens: "09:00"', '    closes: "18:00"',
                  f"    timeZoneNote: {tr('support.hours.timeZoneNote')}", "  email:", f"    label: {tr('support.email.label')}",
                  "    address: help@worldfirst.com",
                  f"    channelLabel: {tr('support.email.channelLabel')}", f"    responseTime: {tr('support.email.responseTime')}",
                  "  phone:", f"    label: {tr('support.phone.label')}", '    number: "+6568054380"', "    display: +65 6805 4380"]
        write(os.path.join(content, "guide.yaml"), lines)

        lines = ["# yaml-language-server: $schema=schemas/links.schema.json", "links:"]
        for key, url, service in self.links:
            lines += [f"  {key}:", f"    url: {url}", f'    service: "{service}"']
        write(os.path.join(content, "links.yaml"), lines)
        write(os.path.join(content, "guidegen.yaml"), ["# yaml-language-server: $schema=schemas/config.schema.json",
                                                        "rules: {}", "allowedHosts: []", "currencies: [CNH]"])

        for section in self.sections:
            write(os.path.join(content, "sections", section["id"] + ".yaml"), self.section_lines(section))

        for lang in self.langs[1:]:
            lines = [f"# {LANG_NAMES[lang]} catalog (generated).", f"locale: {lang}", f"name: {LANG_NAMES[lang]}", "entries:"]
            for key, text in self.texts.items():
                source = text.render("tr")
                lines += [f"  {key}:", f'    source: "{fnv1a64(source)}"', f"    text: {yaml_scalar(text.render(lang))}"]
            write(os.path.join(content, "locales", lang + ".yaml"), lines)

    def section_lines(self, section):
        t = lambda text: yaml_scalar(text.render("tr"))
        lines = ["# yaml-language-server: $schema=../schemas/section.schema.json", f"id: {section['id']}",
                 f'label: "{section["label"]}"', f"title: {t(section['title'])}", f"intro: {t(section['intro'])}",
                 f'service: "{section["service"]}"']
        if section.get("requires"):
            lines.append(f"requires: [{', '.join(section['requires'])}]")
        lines.append("steps:")
        for step in section["steps"]:
            lines += [f"  - id: {step['id']}", f"    kind: {step['kind']}", f"    text: {t(step['text'])}"]
            if "detail" in step:
                lines.append(f"    detail: {t(step['detail'])}")
            if "substeps" in step:
                lines.append(f"    substepsIntro: {t(step['substepsIntro'])}")
                lines.append("    substeps:")
                for sub in step["substeps"]:
                    lines += [f"      - id: {sub['id']}", f"        text: {t(sub['text'])}"]
            if "fields" in step:
                lines.append("    fields:")
                for field in step["fields"]:
                    lines += [f"      - id: {field['id']}", f"        label: {t(field['label'])}"]
            if "notes" in step:
                lines.append("    notes:")
                for note in step["notes"]:
                    lines += [f"      - id: {note['id']}", f"        kind: {note['kind']}", f"        text: {t(note['text'])}"]
            if "questions" in step:
                lines.append("    questions:")
                for q in step["questions"]:
                    lines += [f"      - id: {q['id']}", f"        question: {t(q['question'])}", f"        answer: {t(q['answer'])}"]
                    if q["items"]:
                        lines.append("        items:")
                        for item in q["items"]:
                            lines += [f"          - id: {item['id']}", f"            text: {t(item['text'])}"]
            if "lists" in step:
                lines.append("    lists:")
                for lst in step["lists"]:
                    code, name = lst["named"]
                    lines += [f"      - id: {lst['id']}", "        kind: currencies", f"        text: {t(lst['text'])}", "        items:",
                              f"          - {{ code: {code}, name: {t(name)} }}"] + [f"          - {c}" for c in lst["codes"]]
            if "links" in step:
                lines.append(f"    links: [{', '.join(step['links'])}]")
        return lines

    def write_templates(self, out, builtin_strings):
        """Chrome strings for the catalogs' locales: the built-in English table with each locale's
        own name, in an overlay folder (`guidegen build --templates DIR/templates`)."""
        folder = os.path.join(out, "templates", "strings")
        os.makedirs(folder)
        with open(builtin_strings, encoding="utf-8") as handle:
            english = handle.read().splitlines()
        for lang in self.langs[1:]:
            lines = [f"localeName: {LANG_NAMES[lang]}" if line.startswith("localeName:") else line for line in english]
            write(os.path.join(folder, lang + ".yaml"), lines)

    # -- the Hugo site -------------------------------------------------------------------------

    def write_hugo(self, out):
        site = os.path.join(out, "hugo")
        title = self.texts["guide.title"]
        write_hugo_skeleton(site, self.langs, {lang: title.render(lang) for lang in self.langs})
        urls = {key: url for key, url, _ in self.links}
        for lang in self.langs:
            folder = os.path.join(site, "content", lang)
            write(os.path.join(folder, "_index.md"), ["---", f"title: {json.dumps(title.render(lang), ensure_ascii=False)}", "---", ""])
            for weight, section in enumerate(self.sections, 1):
                md = lambda text: markdown(text.render(lang), urls)
                body = ["---", f"title: {json.dumps(section['label'] + ' ' + section['title'].render(lang), ensure_ascii=False)}",
                        f"weight: {weight}", "---", "", md(section["intro"]), ""]
                for j, step in enumerate(section["steps"], 1):
                    number = f"{section['label']}.{j}"
                    body += [f"### {number} {md(step['text'])} {{#{step['id']}}}", ""]
                    if "detail" in step:
                        body += [md(step["detail"]), ""]
                    if "substeps" in step:
                        body += [md(step["substepsIntro"]), ""]
                        body += [f"{k}. {md(sub['text'])}" for k, sub in enumerate(step["substeps"], 1)] + [""]
                    if "fields" in step:
                        body += [f"- {md(field['label'])}" for field in step["fields"]] + [""]
                    for note in step.get("notes", []):
                        body += [f"> **{note['kind']}:** {md(note['text'])}", ""]
                    for q in step.get("questions", []):
                        body += [f"**{md(q['question'])}**", "", md(q["answer"]), ""]
                        body += [f"- {md(item['text'])}" for item in q["items"]] + ([""] if q["items"] else [])
                    for lst in step.get("lists", []):
                        code, name = lst["named"]
                        items = [f"{code} ({md(name)})"] + lst["codes"]
                        body += [md(lst["text"]).replace("{list}", ", ".join(items)), ""]
                    if "links" in step:
                        body += [f"- <{urls[key]}>" for key in step["links"]] + [""]
                write(os.path.join(folder, section["id"] + ".md"), body)


class TitleText(Text):
    """A section title: a question in Turkish, a heading elsewhere."""

    def __init__(self, brand, obj, verb):
        super().__init__([])
        self.brand, self.obj, self.verb = brand, obj, verb

    def render(self, lang):
        column = LANGS.index(lang)
        if lang == "tr":
            return f"{self.brand} için {self.obj[0]} {self.verb[0]}"
        return f"{self.brand}: {self.obj[column]} {self.verb[column]}"


def capitalise(text, lang):
    """The first letter in upper case, the Turkish way in Turkish (i → İ, ı → I)."""
    first = text[0]
    if not first.islower():
        return text
    if lang == "tr" and first in "iı":
        first = "İ" if first == "i" else "I"
    return first.upper() + text[1:]


def markdown(text, urls):
    """guidegen's inline syntax as plain Markdown: registry links as URLs, UI labels in bold,
    section references as relative links."""
    text = re.sub(r"\[([^\]]+)\]\(link:([^)]+)\)", lambda m: f"[{m.group(1)}]({urls[m.group(2)]})", text)
    text = re.sub(r"\[([^\]]+)\]\(ui:[^)]+\)", r"**\1**", text)
    text = re.sub(r"\[([^\]]+)\]\(section:([^)#]+)\)", r"[\1](../\2/)", text)
    return text


def write_hugo_skeleton(site, langs, titles):
    """hugo.toml with one language per locale, and a minimal layout: a page frame with hreflang
    alternates and a language switcher, a single-page template and a list template. No theme."""
    config = ['baseURL = "https://help.example.com/"', f'defaultContentLanguage = "{langs[0]}"',
              "defaultContentLanguageInSubdir = true", 'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]',
              "enableRobotsTXT = false", "disableHugoGeneratorInject = true", "", "[markup.goldmark.parser.attribute]", "  title = true", ""]
    for weight, lang in enumerate(langs, 1):
        config += [f"[languages.{lang}]", f"  languageName = {json.dumps(LANG_NAMES.get(lang, lang), ensure_ascii=False)}",
                   f"  title = {json.dumps(titles[lang], ensure_ascii=False)}", f"  weight = {weight}", f'  contentDir = "content/{lang}"', ""]
    write(os.path.join(site, "hugo.toml"), config)
    head = """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<title>{{ .Title }} · {{ .Site.Title }}</title>
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">
{{ end }}<link rel="stylesheet" href="/guide.css">
</head>
<body>
<nav>{{ range .Translations }}<a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
"""
    write_text(os.path.join(site, "layouts", "_default", "baseof.html"), head)
    write_text(os.path.join(site, "layouts", "_default", "single.html"),
               '{{ define "main" }}<article><h1>{{ .Title }}</h1>\n{{ .Content }}\n'
               '{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}\n'
               '{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}\n</article>{{ end }}\n')
    write_text(os.path.join(site, "layouts", "_default", "list.html"),
               '{{ define "main" }}<h1>{{ .Title }}</h1>\n<ol>{{ range .RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>\n{{ end }}</ol>{{ end }}\n')
    write_text(os.path.join(site, "static", "guide.css"), "body { font-family: sans-serif; max-width: 48rem; margin: auto; }\n")


def hugo_from_markdown(markdown_dir, title, out):
    """The real guide's Hugo equivalent: guidegen's own Markdown pages (front matter added), so
    Hugo renders the same text guidegen does."""
    site = os.path.join(out, "hugo")
    langs = sorted(os.listdir(markdown_dir))
    langs = [lang for lang in langs if lang != "assets"]
    langs.sort(key=lambda lang: (lang != "tr", lang))
    write_hugo_skeleton(site, langs, {lang: title for lang in langs})
    for lang in langs:
        folder = os.path.join(site, "content", lang)
        write(os.path.join(folder, "_index.md"), ["---", f"title: {json.dumps(title, ensure_ascii=False)}", "---", ""])
        for name in sorted(os.listdir(os.path.join(markdown_dir, lang))):
            if not name.endswith(".md") or name == "index.md":
                continue
            with open(os.path.join(markdown_dir, lang, name), encoding="utf-8") as handle:
                body = handle.read()
            heading = body.splitlines()[0].lstrip("# ") if body.startswith("# ") else name[:-3]
            rest = body.split("\n", 1)[1] if body.startswith("# ") else body
            rest = re.sub(r"\]\(([a-z0-9-]+)\.md(#[^)]*)?\)", lambda m: f"](../{m.group(1)}/{m.group(2) or ''})", rest)
            write_text(os.path.join(folder, name), f"---\ntitle: {json.dumps(heading, ensure_ascii=False)}\n---\n{rest}")


def write(path, lines):
    write_text(path, "\n".join(lines) + "\n")


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    guide = commands.add_parser("guide", help="a synthetic guide, its catalogs and its Hugo twin")
    guide.add_argument("--sections", type=int, required=True)
    guide.add_argument("--steps", type=int, default=10)
    guide.add_argument("--locales", type=int, default=3, help="locales rendered, the Turkish source included")
    guide.add_argument("--seed", type=int, default=1)
    guide.add_argument("--out", required=True, help="an empty or missing folder")
    guide.add_argument("--strings", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Templates", "strings", "en.yaml"),
                       help="the built-in English chrome strings the generated locales copy")
    real = commands.add_parser("hugo-from-markdown", help="a Hugo site from guidegen's Markdown output")
    real.add_argument("--markdown", required=True)
    real.add_argument("--title", required=True)
    real.add_argument("--out", required=True)
    args = parser.parse_args()

    if os.path.exists(args.out) and os.listdir(args.out):
        if not os.path.exists(os.path.join(args.out, ".generated")):
            sys.exit(f"generate.py: {args.out} is not empty and was not made by generate.py")
        shutil.rmtree(args.out)
    os.makedirs(args.out, exist_ok=True)
    if args.command == "guide":
        generator = Generator(args.sections, args.steps, args.locales, args.seed)
        generator.build()
        generator.write_content(args.out)
        generator.write_templates(args.out, args.strings)
        generator.write_hugo(args.out)
    else:
        hugo_from_markdown(args.markdown, args.title, args.out)
    write_text(os.path.join(args.out, ".generated"), "made by Benchmarks/generate.py\n")


if __name__ == "__main__":
    main()

#include "translation_manager.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>

namespace w2w {

TranslationManager::TranslationManager(QObject* parent) : QObject(parent) {}

namespace {

const char* const kFolder = ":/i18n";
const char* const kPrefix = "what2wear_";
// Each translation translates this into its language's own name.
const struct {
  const char* source;
  const char* comment;
} kOwnName = QT_TRANSLATE_NOOP3("w2w::TranslationManager", "English", "this language's own name");

}  // namespace

QStringList TranslationManager::languages() {
  // The compiled translations in the resources are the languages there are.
  QStringList codes;
  for (const QString& file : QDir(kFolder).entryList({QString(kPrefix) + "*.qm"}, QDir::Files, QDir::Name))
    codes << file.mid(static_cast<int>(qstrlen(kPrefix))).chopped(3);
  if (!codes.contains("en")) codes.prepend("en");  // the source language needs no file
  return codes;
}

QString TranslationManager::nativeName(const QString& code) {
  // Each translation names its own language (its translation of kOwnName);
  // the locale's own name is the fallback.
  QTranslator translator;
  if (translator.load(QStringLiteral("%1/%2%3.qm").arg(kFolder, kPrefix, code))) {
    const QString name = translator.translate("w2w::TranslationManager", kOwnName.source, kOwnName.comment);
    if (!name.isEmpty()) return name;
  }
  if (code == "en") return QStringLiteral("English");
  const QString name = QLocale(code).nativeLanguageName();
  return name.isEmpty() ? code : name.left(1).toUpper() + name.mid(1);
}

void TranslationManager::apply(const QString& language) {
  QString code = language;
  if (code.isEmpty()) {
    // The first of the user's preferred languages that we have.
    code = "en";
    for (const QString& name : QLocale::system().uiLanguages()) {
      const QString base = name.section('-', 0, 0).section('_', 0, 0).toLower();
      if (languages().contains(base)) {
        code = base;
        break;
      }
    }
  }
  // Removing and installing translators sends QEvent::LanguageChange to
  // every widget, which retranslates itself. English is the source language;
  // its translation file only holds the plural forms ("1 photo", "2 photos").
  QCoreApplication::removeTranslator(&app_);
  QCoreApplication::removeTranslator(&qt_);
  current_ = code;
  // Dates and numbers follow a language chosen in the settings; otherwise
  // the system's regional formats stay.
  QLocale::setDefault(language.isEmpty() ? QLocale::system() : QLocale(code));
  if (app_.load(":/i18n/what2wear_" + code + ".qm")) QCoreApplication::installTranslator(&app_);
  if (code == "en") return;
  if (qt_.load("qtbase_" + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    QCoreApplication::installTranslator(&qt_);
  }
}

}  // namespace w2w

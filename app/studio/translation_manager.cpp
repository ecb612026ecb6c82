#include "translation_manager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace w2w {

TranslationManager::TranslationManager(QObject* parent) : QObject(parent) {}

QStringList TranslationManager::languages() { return {"en", "ko"}; }

QString TranslationManager::nativeName(const QString& code) {
  if (code == "ko") return QStringLiteral("한국어");
  return QStringLiteral("English");
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

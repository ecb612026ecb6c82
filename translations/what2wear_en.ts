<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>w2w::CropReviewView</name>
    <message numerus="yes">
        <source>%1 of %n cropped photo(s) reviewed</source>
        <translation>
            <numerusform>%1 of %n cropped photo reviewed</numerusform>
            <numerusform>%1 of %n cropped photos reviewed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n cropped photo(s) flagged</source>
        <translation>
            <numerusform>%1 of %n cropped photo flagged</numerusform>
            <numerusform>%1 of %n cropped photos flagged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n cropped photo(s) to review</source>
        <translation>
            <numerusform>%1 of %n cropped photo to review</numerusform>
            <numerusform>%1 of %n cropped photos to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %1 crop is part of %n saved outfit(s), which are deleted with it. Undo brings the crop back, not the outfits.</source>
        <translation>
            <numerusform>The %1 crop is part of %n saved outfit, which is deleted with it. Undo brings the crop back, not the outfit.</numerusform>
            <numerusform>The %1 crop is part of %n saved outfits, which are deleted with it. Undo brings the crop back, not the outfits.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>w2w::EmbeddingMap</name>
    <message numerus="yes">
        <source>%n crop(s). %1 Click a point to select its item.</source>
        <translation>
            <numerusform>%n crop. %1 Click a point to select its item.</numerusform>
            <numerusform>%n crops. %1 Click a point to select its item.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>w2w::ExportDialog</name>
    <message numerus="yes">
        <source>%1 (%n vector(s))</source>
        <translation>
            <numerusform>%1 (%n vector)</numerusform>
            <numerusform>%1 (%n vectors)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>w2w::LibraryController</name>
    <message numerus="yes">
        <source>Cropping %n photo(s) again</source>
        <translation>
            <numerusform>Cropping %n photo again</numerusform>
            <numerusform>Cropping %n photos again</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>w2w::LibraryGridModel</name>
    <message numerus="yes">
        <source>%n crop(s)</source>
        <translation>
            <numerusform>%n crop</numerusform>
            <numerusform>%n crops</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>w2w::LibraryView</name>
    <message numerus="yes">
        <source>Tag for the %n selected photo(s) and item(s):</source>
        <translation>
            <numerusform>Tag for the selected photo or item:</numerusform>
            <numerusform>Tag for the %n selected photos and items:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag to remove from the %n selected photo(s) and item(s):</source>
        <translation>
            <numerusform>Tag to remove from the selected photo or item:</numerusform>
            <numerusform>Tag to remove from the %n selected photos and items:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>w2w::MainWindow</name>
    <message numerus="yes">
        <source>%1 — %n photo(s)</source>
        <translation>
            <numerusform>%1 — %n photo</numerusform>
            <numerusform>%1 — %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n item(s)</source>
        <translation>
            <numerusform>, %n item</numerusform>
            <numerusform>, %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n outfit(s)</source>
        <translation>
            <numerusform>, %n outfit</numerusform>
            <numerusform>, %n outfits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>w2w::TagCommand</name>
    <message numerus="yes">
        <source>Tag %n entries &apos;%1&apos;</source>
        <translation>
            <numerusform>Tag %n entry &apos;%1&apos;</numerusform>
            <numerusform>Tag %n entries &apos;%1&apos;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Untag %n entries &apos;%1&apos;</source>
        <translation>
            <numerusform>Untag %n entry &apos;%1&apos;</numerusform>
            <numerusform>Untag %n entries &apos;%1&apos;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>w2w::TrainingForm</name>
    <message numerus="yes">
        <source>%n epoch(s) without progress</source>
        <translation>
            <numerusform>%n epoch without progress</numerusform>
            <numerusform>%n epochs without progress</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>w2w::TrainingView</name>
    <message numerus="yes">
        <source>%n outfit photo(s)</source>
        <translation>
            <numerusform>%n outfit photo</numerusform>
            <numerusform>%n outfit photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n composed outfit(s)</source>
        <translation>
            <numerusform>, %n composed outfit</numerusform>
            <numerusform>, %n composed outfits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 finished %n epoch(s); %2.</source>
        <translation>
            <numerusform>%1 finished %n epoch; %2.</numerusform>
            <numerusform>%1 finished %n epochs; %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) to %1</source>
        <translation>
            <numerusform>Exported %n file to %1</numerusform>
            <numerusform>Exported %n files to %1</numerusform>
        </translation>
    </message>
</context>
</TS>

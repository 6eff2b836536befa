; Inno Setup script: the Windows installer for the folder alliance-windows.spec builds.
; packaging/build.py runs: iscc /DAppVersion=X /DSourceDir=build\frozen\alliance /Odist alliance.iss
; Written for Windows; not built on this project's Linux CI. Installs per user (no admin rights),
; so the vault stays in the therapist's own profile (platformdirs' user data folder).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6F1D2C3A-7E1B-4B8E-9C55-A11A0CE00001}
AppName=Alliance
AppVersion={#AppVersion}
AppPublisher=Alliance developers
DefaultDirName={autopf}\Alliance
DefaultGroupName=Alliance
PrivilegesRequired=lowest
OutputBaseFilename=alliance-{#AppVersion}-setup
SetupIconFile=..\resources\icons\alliance.ico
LicenseFile=..\LICENSE
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Alliance"; Filename: "{app}\alliance.exe"
Name: "{group}\Uninstall Alliance"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\alliance.exe"; Description: "Start Alliance"; Flags: nowait postinstall skipifsilent
